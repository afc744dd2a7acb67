using RiskPlatform.Domain.Portfolio.Metrics;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Common;

/// <summary>
/// The payload of the hub's <c>portfolio_marked</c> event: the account's figures at its latest mark (named as in
/// <c>GET /risk-rules/portfolio-risk</c>), so a dashboard updates its figures and adds a chart point without reading them again.
/// </summary>
public sealed record PortfolioMarkDto(
    decimal Equity,
    decimal Cash,
    decimal DailyPl,
    decimal DailyPlPercent,
    decimal CurrentDrawdown,
    decimal CurrentDrawdownPercent,
    decimal HighWaterMark,
    TradingState TradingState,
    string? TradingStateReason,
    DateTime MarkedAt)
{
    public static PortfolioMarkDto From(PortfolioMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return new(
            mark.Equity,
            mark.Cash,
            mark.DailyPl,
            mark.DailyPlPercent,
            mark.CurrentDrawdown,
            mark.CurrentDrawdownPercent,
            mark.HighWaterMark,
            mark.TradingState,
            mark.TradingStateReason,
            mark.MarkedAt);
    }
}
