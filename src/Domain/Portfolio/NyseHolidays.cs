namespace RiskPlatform.Domain.Portfolio;

/// <summary>
/// NYSE full-day closures for 2025–2027 (observed dates), a fixed list published by the exchange: New Year's Day, Martin Luther
/// King Jr. Day, Washington's Birthday (Presidents Day), Good Friday, Memorial Day, Juneteenth, Independence Day, Labor Day,
/// Thanksgiving and Christmas, plus the 2025-01-09 national day of mourning. Early (13:00) closes are not modelled: the day still
/// ends at 16:00. Dates outside 2025–2027 are treated as ordinary weekdays; extend <see cref="Dates"/> each year.
/// </summary>
public static class NyseHolidays
{
    private static readonly HashSet<DateOnly> Closed =
    [
        // 2025
        new(2025, 1, 1), new(2025, 1, 9), new(2025, 1, 20), new(2025, 2, 17), new(2025, 4, 18), new(2025, 5, 26),
        new(2025, 6, 19), new(2025, 7, 4), new(2025, 9, 1), new(2025, 11, 27), new(2025, 12, 25),

        // 2026 (Independence Day falls on a Saturday: observed Friday 3 July)
        new(2026, 1, 1), new(2026, 1, 19), new(2026, 2, 16), new(2026, 4, 3), new(2026, 5, 25),
        new(2026, 6, 19), new(2026, 7, 3), new(2026, 9, 7), new(2026, 11, 26), new(2026, 12, 25),

        // 2027 (Juneteenth on a Saturday: observed Friday 18 June; Independence Day on a Sunday: observed Monday 5 July;
        // Christmas on a Saturday: observed Friday 24 December)
        new(2027, 1, 1), new(2027, 1, 18), new(2027, 2, 15), new(2027, 3, 26), new(2027, 5, 31),
        new(2027, 6, 18), new(2027, 7, 5), new(2027, 9, 6), new(2027, 11, 25), new(2027, 12, 24),
    ];

    /// <summary>First year covered by the list.</summary>
    public const int FirstYear = 2025;

    /// <summary>Last year covered by the list.</summary>
    public const int LastYear = 2027;

    /// <summary>Every listed closure, ascending.</summary>
    public static IReadOnlyList<DateOnly> Dates { get; } = Closed.Order().ToArray();

    /// <summary>True when the exchange is closed all day on <paramref name="date"/> for a holiday.</summary>
    public static bool IsHoliday(DateOnly date) => Closed.Contains(date);

    /// <summary>True when <paramref name="date"/> is a trading day: Monday–Friday and not a listed holiday.</summary>
    public static bool IsTradingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Closed.Contains(date);
}
