using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Domain.Portfolio.Metrics;

/// <summary>
/// An account's figures at its latest mark-to-market: what a live dashboard shows between two reads of the full metrics
/// (<see cref="PortfolioMetrics.MarkOf"/>). Definitions as on <see cref="PortfolioRiskMetrics"/>.
/// </summary>
public sealed record PortfolioMark(
    decimal Equity,
    decimal Cash,
    decimal DailyPl,
    decimal DailyPlPercent,
    decimal CurrentDrawdown,
    decimal CurrentDrawdownPercent,
    decimal HighWaterMark,
    TradingState TradingState,
    string? TradingStateReason,
    DateTime MarkedAt);
