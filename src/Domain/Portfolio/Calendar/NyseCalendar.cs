namespace RiskPlatform.Domain.Portfolio.Calendar;

/// <summary>
/// The NYSE trading calendar, computed from the exchange's holiday rules for any year (no table to extend).
/// <para>Full-day closures (holidays), with NYSE's weekend observance:</para>
/// <list type="bullet">
/// <item>New Year's Day, 1 January: a Sunday is observed on Monday 2 January; a Saturday is <b>not</b> observed (NYSE stays open
/// on Friday 31 December, the last trading day of the year), so that year has no New Year closure.</item>
/// <item>Martin Luther King Jr. Day (third Monday of January), Washington's Birthday (third Monday of February), Memorial Day
/// (last Monday of May), Labor Day (first Monday of September), Thanksgiving (fourth Thursday of November).</item>
/// <item>Good Friday: two days before Easter Sunday (Gregorian, anonymous algorithm).</item>
/// <item>Juneteenth (19 June, from 2022), Independence Day (4 July), Christmas (25 December): a Saturday is observed on the
/// Friday before, a Sunday on the Monday after.</item>
/// <item>Unscheduled closures announced by the exchange (<see cref="UnscheduledClosures"/>: 11–14 September 2001, national days
/// of mourning 2004-06-11, 2007-01-02, 2018-12-05 and 2025-01-09, Hurricane Sandy 2012-10-29/30). A future one must be added
/// to that list when NYSE announces it.</item>
/// </list>
/// <para>
/// Early closes at 13:00 New York (<see cref="EarlyClose"/>) on a trading day that is: 3 July (the day before Independence Day;
/// it is a trading day only when 4 July falls Tuesday–Friday — when 4 July is a Saturday, 3 July is the observed holiday and
/// 2 July is a full day; when 4 July is a Sunday or Monday, 3 July is a weekend day and no day closes early); the day after
/// Thanksgiving; 24 December (Christmas Eve; when Christmas is a Saturday 24 December is the observed holiday, and when 24
/// December is a weekend day no day closes early). Every other trading day closes at 16:00 (<see cref="RegularClose"/>).
/// </para>
/// <para>
/// These are the rules NYSE follows today; they reproduce its official schedules for 2025–2027 (pinned by tests) and hold for
/// later years until the exchange changes its rules. Dates before 2022 are computed with the same rules (without Juneteenth)
/// and may differ from the historical record, notably for early closes.
/// </para>
/// </summary>
public static class NyseCalendar
{
    private static readonly DateOnly[] Unscheduled =
    [
        new(2001, 9, 11), new(2001, 9, 12), new(2001, 9, 13), new(2001, 9, 14), // 11 September attacks
        new(2004, 6, 11), // national day of mourning, President Reagan
        new(2007, 1, 2), // national day of mourning, President Ford
        new(2012, 10, 29), new(2012, 10, 30), // Hurricane Sandy
        new(2018, 12, 5), // national day of mourning, President George H. W. Bush
        new(2025, 1, 9), // national day of mourning, President Carter
    ];

    /// <summary>The first year Juneteenth closes the exchange.</summary>
    public const int FirstJuneteenthYear = 2022;

    /// <summary>The regular close, New York time.</summary>
    public static TimeOnly RegularClose { get; } = new(16, 0);

    /// <summary>The early close, New York time.</summary>
    public static TimeOnly EarlyClose { get; } = new(13, 0);

    /// <summary>Closures the exchange announced outside its holiday rules, ascending.</summary>
    public static IReadOnlyList<DateOnly> UnscheduledClosures { get; } = Unscheduled;

    /// <summary>True when the exchange is closed all day on <paramref name="date"/> for a holiday (always a weekday).</summary>
    public static bool IsHoliday(DateOnly date)
    {
        if (IsWeekend(date))
        {
            return false;
        }

        if (IsUnscheduled(date))
        {
            return true;
        }

        var year = date.Year;
        return date.Month switch
        {
            1 => date == NewYearsDay(year) || date == NthWeekday(year, 1, DayOfWeek.Monday, 3),
            2 => date == NthWeekday(year, 2, DayOfWeek.Monday, 3),
            3 or 4 => date == GoodFriday(year),
            5 => date == LastWeekday(year, 5, DayOfWeek.Monday),
            6 => date == Juneteenth(year),
            7 => date == Observed(new DateOnly(year, 7, 4)),
            9 => date == NthWeekday(year, 9, DayOfWeek.Monday, 1),
            11 => date == NthWeekday(year, 11, DayOfWeek.Thursday, 4),
            12 => date == Observed(new DateOnly(year, 12, 25)),
            _ => false,
        };
    }

    /// <summary>True when <paramref name="date"/> is a trading day: Monday–Friday and not a holiday.</summary>
    public static bool IsTradingDay(DateOnly date) => !IsWeekend(date) && !IsHoliday(date);

    /// <summary>True when <paramref name="date"/> is a trading day that closes at <see cref="EarlyClose"/>.</summary>
    public static bool IsEarlyClose(DateOnly date) =>
        IsTradingDay(date)
        && ((date.Month == 7 && date.Day == 3)
            || (date.Month == 12 && date.Day == 24)
            || date == NthWeekday(date.Year, 11, DayOfWeek.Thursday, 4).AddDays(1));

    /// <summary>The close (New York time) of <paramref name="date"/>, or null when it is not a trading day.</summary>
    public static TimeOnly? CloseTime(DateOnly date) =>
        !IsTradingDay(date) ? null : IsEarlyClose(date) ? EarlyClose : RegularClose;

    /// <summary>Every holiday (full-day closure) in <paramref name="year"/>, ascending.</summary>
    public static IReadOnlyList<DateOnly> HolidaysIn(int year) => DaysOf(year).Where(IsHoliday).ToArray();

    /// <summary>Every early close in <paramref name="year"/>, ascending.</summary>
    public static IReadOnlyList<DateOnly> EarlyClosesIn(int year) => DaysOf(year).Where(IsEarlyClose).ToArray();

    /// <summary>Easter Sunday (Gregorian calendar) by the anonymous (Meeus/Jones/Butcher) algorithm.</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly GoodFriday(int year) => EasterSunday(year).AddDays(-2);

    /// <summary>1 January, or Monday 2 January when it is a Sunday; null when it is a Saturday (not observed).</summary>
    private static DateOnly? NewYearsDay(int year)
    {
        var date = new DateOnly(year, 1, 1);
        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => null,
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };
    }

    private static DateOnly? Juneteenth(int year) => year >= FirstJuneteenthYear ? Observed(new DateOnly(year, 6, 19)) : null;

    /// <summary>A Saturday holiday is observed on the Friday before, a Sunday one on the Monday after.</summary>
    private static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-offset);
    }

    private static bool IsUnscheduled(DateOnly date) => Array.BinarySearch(Unscheduled, date) >= 0;

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static IEnumerable<DateOnly> DaysOf(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var count = DateTime.IsLeapYear(year) ? 366 : 365;
        for (var i = 0; i < count; i++)
        {
            yield return first.AddDays(i);
        }
    }
}
