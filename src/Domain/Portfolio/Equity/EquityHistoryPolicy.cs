namespace RiskPlatform.Domain.Portfolio.Equity;

/// <summary>
/// How <see cref="EquityHistory.Compact"/> thins the equity history. Defaults: every point for the last hour, the last point of
/// each minute for the last day, the last point of each hour for the last 365 days, nothing older, and at most 10,000 points
/// (the newest are kept).
/// </summary>
public sealed record EquityHistoryPolicy
{
    public static EquityHistoryPolicy Default { get; } = new();

    /// <summary>Points younger than this are all kept.</summary>
    public TimeSpan KeepAll { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Points younger than this (and older than <see cref="KeepAll"/>) keep one per minute.</summary>
    public TimeSpan KeepPerMinute { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Points younger than this (and older than <see cref="KeepPerMinute"/>) keep one per hour; older points are dropped.</summary>
    public TimeSpan KeepPerHour { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Upper bound on the points kept; the newest win.</summary>
    public int MaxPoints { get; init; } = 10_000;
}
