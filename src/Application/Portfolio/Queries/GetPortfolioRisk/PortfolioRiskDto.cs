using RiskPlatform.Domain.Portfolio.Metrics;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioRisk;

/// <summary>
/// The portfolio-risk figures (definitions on <see cref="PortfolioRiskMetrics"/>): the existing clients' fields (account_value …
/// max_drawdown_percent) plus exposure, drawdown, high-water mark, largest position, trading state and per-rule utilisation.
/// </summary>
public sealed record PortfolioRiskDto
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

    public required IReadOnlyList<RuleUtilisationDto> RuleUtilisation { get; init; }

    public static PortfolioRiskDto From(PortfolioRiskMetrics m) => new()
    {
        AccountValue = m.AccountValue,
        BuyingPower = m.BuyingPower,
        TotalPositionValue = m.TotalPositionValue,
        Cash = m.Cash,
        NumberOfPositions = m.NumberOfPositions,
        DailyPl = m.DailyPl,
        DailyPlPercent = m.DailyPlPercent,
        TotalUnrealizedPl = m.TotalUnrealizedPl,
        TotalUnrealizedPlPercent = m.TotalUnrealizedPlPercent,
        Leverage = m.Leverage,
        MaxDrawdownPercent = m.MaxDrawdownPercent,
        GrossExposure = m.GrossExposure,
        NetExposure = m.NetExposure,
        NetLeverage = m.NetLeverage,
        CurrentDrawdown = m.CurrentDrawdown,
        CurrentDrawdownPercent = m.CurrentDrawdownPercent,
        HighWaterMark = m.HighWaterMark,
        HighWaterMarkAt = m.HighWaterMarkAt,
        LargestPositionSymbol = m.LargestPositionSymbol,
        LargestPositionValue = m.LargestPositionValue,
        LargestPositionPercent = m.LargestPositionPercent,
        TradingState = m.TradingState,
        TradingStateReason = m.TradingStateReason,
        TradingStateSince = m.TradingStateSince,
        ReducingUntil = m.ReducingUntil,
        DayStartEquity = m.DayStartEquity,
        CurrentDayStart = m.CurrentDayStart,
        RuleUtilisation = [.. m.RuleUtilisation.Select(RuleUtilisationDto.From)],
    };
}
