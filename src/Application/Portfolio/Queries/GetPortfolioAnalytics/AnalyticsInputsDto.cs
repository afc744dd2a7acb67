namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

/// <summary>
/// What the analytics were computed from: the benchmark, the window asked (daily returns), the fewest returns a figure needs,
/// the equity, the days every held symbol shares (their count and first/last return date), the methods, and why the common
/// figures are missing when they are (<c>insufficient_history</c>).
/// </summary>
public sealed record AnalyticsInputsDto(
    string Benchmark,
    int LookbackDays,
    int MinimumReturns,
    decimal Equity,
    string PriceSource,
    int CommonReturns,
    DateOnly? From,
    DateOnly? To,
    string VolatilityMethod,
    string VarMethod,
    string? InsufficientReason);
