using RiskPlatform.Domain.Portfolio.Calendar;

namespace RiskPlatform.Domain.UnitTests.Portfolio;

public sealed class NyseCalendarTests
{
    [Theory]
    // NYSE's published schedules (the table this calculation replaced), observed dates.
    [InlineData(2025, "2025-01-01,2025-01-09,2025-01-20,2025-02-17,2025-04-18,2025-05-26,2025-06-19,2025-07-04,2025-09-01,2025-11-27,2025-12-25")]
    [InlineData(2026, "2026-01-01,2026-01-19,2026-02-16,2026-04-03,2026-05-25,2026-06-19,2026-07-03,2026-09-07,2026-11-26,2026-12-25")]
    [InlineData(2027, "2027-01-01,2027-01-18,2027-02-15,2027-03-26,2027-05-31,2027-06-18,2027-07-05,2027-09-06,2027-11-25,2027-12-24")]
    // Computed: New Year 2028 is a Saturday (not observed); Juneteenth Monday; Independence Day Tuesday; Christmas Monday.
    [InlineData(2028, "2028-01-17,2028-02-21,2028-04-14,2028-05-29,2028-06-19,2028-07-04,2028-09-04,2028-11-23,2028-12-25")]
    // New Year 2023 on a Sunday is observed Monday 2 January; Juneteenth (Monday) first year in 2022 was observed Monday 20 June.
    [InlineData(2023, "2023-01-02,2023-01-16,2023-02-20,2023-04-07,2023-05-29,2023-06-19,2023-07-04,2023-09-04,2023-11-23,2023-12-25")]
    [InlineData(2022, "2022-01-17,2022-02-21,2022-04-15,2022-05-30,2022-06-20,2022-07-04,2022-09-05,2022-11-24,2022-12-26")]
    public void HolidaysIn_Year_MatchesTheExchangeSchedule(int year, string expected)
    {
        var dates = expected.Split(',').Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(dates, NyseCalendar.HolidaysIn(year));
    }

    [Theory]
    [InlineData("2028-04-14", false)] // Good Friday 2028 (Easter 16 April)
    [InlineData("2027-06-18", false)] // Juneteenth 2027 (Saturday) observed Friday
    [InlineData("2027-06-21", true)] // ... and not also on the Monday
    [InlineData("2027-12-24", false)] // Christmas 2027 (Saturday) observed Friday
    [InlineData("2027-12-31", true)] // New Year 2028 (Saturday) is not observed on the Friday before
    [InlineData("2028-01-03", true)] // ... nor on the Monday after
    [InlineData("2032-12-31", true)] // New Year 2033 (Saturday) likewise
    [InlineData("2021-06-18", true)] // Juneteenth did not close the exchange before 2022
    [InlineData("2026-11-26", false)] // Thanksgiving
    [InlineData("2026-11-27", true)]
    [InlineData("2026-11-28", false)] // Saturday
    [InlineData("2012-10-29", false)] // Hurricane Sandy (unscheduled)
    [InlineData("2025-01-09", false)] // National day of mourning (unscheduled)
    public void IsTradingDay_Date_FollowsTheRules(string date, bool expected) =>
        Assert.Equal(expected, NyseCalendar.IsTradingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2027, "2027-03-28")] // early
    [InlineData(2028, "2028-04-16")]
    [InlineData(2038, "2038-04-25")] // the latest possible date
    [InlineData(2100, "2100-03-28")]
    [InlineData(2285, "2285-03-22")] // the earliest possible date
    public void EasterSunday_Year_IsTheGregorianEaster(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), NyseCalendar.EasterSunday(year));

    [Theory]
    [InlineData(2023, "2023-07-03,2023-11-24")] // Christmas Eve on a Sunday: no early close
    [InlineData(2024, "2024-07-03,2024-11-29,2024-12-24")]
    [InlineData(2025, "2025-07-03,2025-11-28,2025-12-24")]
    [InlineData(2026, "2026-11-27,2026-12-24")] // 3 July is the observed Independence Day; 2 July is a full day
    [InlineData(2027, "2027-11-26")] // 3 July a Saturday; 24 December the observed Christmas; 23 December is a full day
    [InlineData(2028, "2028-07-03,2028-11-24")] // Christmas Eve on a Sunday
    public void EarlyClosesIn_Year_AreTheDayBeforeIndependenceDayTheDayAfterThanksgivingAndChristmasEve(int year, string expected)
    {
        var dates = expected.Split(',').Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(dates, NyseCalendar.EarlyClosesIn(year));
    }

    [Theory]
    [InlineData("2026-11-27", 13)] // the day after Thanksgiving
    [InlineData("2026-12-24", 13)] // Christmas Eve (Thursday)
    [InlineData("2026-12-23", 16)]
    [InlineData("2026-07-02", 16)]
    [InlineData("2025-07-03", 13)]
    public void CloseTime_TradingDay_IsTheNewYorkClose(string date, int hour) =>
        Assert.Equal(new TimeOnly(hour, 0), NyseCalendar.CloseTime(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-26")] // Thanksgiving
    [InlineData("2026-11-28")] // Saturday
    public void CloseTime_WhenNotATradingDay_IsNull(string date) =>
        Assert.Null(NyseCalendar.CloseTime(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void HolidaysIn_AnyYearFrom2022_HasNineOrTenWeekdayClosuresOnePerHoliday()
    {
        for (var year = 2022; year <= 2200; year++)
        {
            var holidays = NyseCalendar.HolidaysIn(year);
            var newYearOnSaturday = new DateOnly(year, 1, 1).DayOfWeek == DayOfWeek.Saturday;
            var unscheduled = NyseCalendar.UnscheduledClosures.Count(d => d.Year == year);

            Assert.Equal((newYearOnSaturday ? 9 : 10) + unscheduled, holidays.Count);
            Assert.All(holidays, d => Assert.True(d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d} is a weekend day"));
            Assert.Equal(holidays.Count, holidays.Distinct().Count());
            Assert.All(NyseCalendar.EarlyClosesIn(year), d => Assert.True(NyseCalendar.IsTradingDay(d), $"{d} closes early but is not a trading day"));
        }
    }
}
