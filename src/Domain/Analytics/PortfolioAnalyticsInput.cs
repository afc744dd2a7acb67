namespace RiskPlatform.Domain.Analytics;

/// <summary>
/// What the analytics are computed from: the positions, the equity, the stored daily closes of every held symbol and of the
/// benchmark (any order), and the window: the last <see cref="LookbackReturns"/> daily returns.
/// </summary>
public sealed record PortfolioAnalyticsInput(
    IReadOnlyList<AnalyticsPosition> Positions,
    decimal Equity,
    string Benchmark,
    int LookbackReturns,
    IReadOnlyDictionary<string, IReadOnlyList<(DateOnly Date, decimal Close)>> Closes);
