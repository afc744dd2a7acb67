using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Domain.Portfolio.Metrics;

/// <summary>
/// The portfolio-risk figures (GET /api/v1/risk-rules/portfolio-risk). Percentages are 0–100; a percentage of a non-positive
/// base is 0. Definitions (positions valued at their market price; quantity signed, negative = short):
/// <list type="bullet">
/// <item><see cref="AccountValue"/> = equity = cash + <see cref="TotalPositionValue"/>.</item>
/// <item><see cref="TotalPositionValue"/> = Σ quantity × price (net market value; shorts count negative) = <see cref="NetExposure"/>.</item>
/// <item><see cref="GrossExposure"/> = Σ |quantity| × price. <see cref="Leverage"/> = gross ÷ equity; <see cref="NetLeverage"/> = net ÷ equity (signed).</item>
/// <item><see cref="NumberOfPositions"/> = positions with a non-zero quantity.</item>
/// <item><see cref="DailyPl"/> = equity − day-start equity; <see cref="DailyPlPercent"/> = daily P/L ÷ day-start equity.</item>
/// <item><see cref="TotalUnrealizedPl"/> = Σ quantity × (price − average entry); <see cref="TotalUnrealizedPlPercent"/> = unrealized ÷
/// cost basis of open positions (Σ |quantity| × average entry).</item>
/// <item><see cref="CurrentDrawdownPercent"/> = (HWM − equity) ÷ HWM, with HWM = max(state high-water mark, equity);
/// <see cref="CurrentDrawdown"/> the same in dollars; <see cref="MaxDrawdownPercent"/> = the deepest drawdown seen
/// (<see cref="PortfolioState.MaxDrawdownPercent"/>, or the current one if deeper).</item>
/// <item><see cref="LargestPositionSymbol"/>/<see cref="LargestPositionValue"/>: the largest |quantity| × price;
/// <see cref="LargestPositionPercent"/> = that ÷ equity (its concentration).</item>
/// </list>
/// </summary>
public sealed record PortfolioRiskMetrics
{
    public required decimal AccountValue { get; init; }

    public required decimal BuyingPower { get; init; }

    public required decimal TotalPositionValue { get; init; }

    public required decimal Cash { get; init; }

    public required int NumberOfPositions { get; init; }

    public required decimal DailyPl { get; init; }

    public required decimal DailyPlPercent { get; init; }

    public required decimal TotalUnrealizedPl { get; init; }

    public required decimal TotalUnrealizedPlPercent { get; init; }

    public required decimal Leverage { get; init; }

    public required decimal MaxDrawdownPercent { get; init; }

    public required decimal GrossExposure { get; init; }

    public required decimal NetExposure { get; init; }

    public required decimal NetLeverage { get; init; }

    public required decimal CurrentDrawdown { get; init; }

    public required decimal CurrentDrawdownPercent { get; init; }

    public required decimal HighWaterMark { get; init; }

    public required DateTime HighWaterMarkAt { get; init; }

    public required string? LargestPositionSymbol { get; init; }

    public required decimal LargestPositionValue { get; init; }

    public required decimal LargestPositionPercent { get; init; }

    public required TradingState TradingState { get; init; }

    public required string? TradingStateReason { get; init; }

    public required DateTime TradingStateSince { get; init; }

    public required DateTime? ReducingUntil { get; init; }

    public required decimal DayStartEquity { get; init; }

    public required DateTime CurrentDayStart { get; init; }

    /// <summary>One entry per active rule, in the rules' order as given.</summary>
    public required IReadOnlyList<RuleUtilisation> RuleUtilisation { get; init; }
}
