using RiskPlatform.Domain.Portfolio.Metrics;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using static RiskPlatform.Domain.UnitTests.Portfolio.PortfolioTestData;

namespace RiskPlatform.Domain.UnitTests.Portfolio;

public sealed class PortfolioMetricsTests
{
    // Equity 100,000 = cash 95,000 + AAPL 100 × 150 (entry 140) − MSFT 50 × 200 (short, entry 210).
    // Day started at 96,800; high-water mark 110,000 (deepest drawdown so far 12 %).
    private static (PortfolioRiskMetrics Metrics, RiskRule[] Rules) Compute()
    {
        var state = MarkedState();
        var snapshot = Snapshot(
            equity: 100_000m,
            dayStartEquity: state.DayStartEquity,
            highWaterMark: state.HighWaterMark,
            cash: 95_000m,
            buyingPower: 75_000m,
            positions: [Long("AAPL", 100, 150m, entry: 140m), Short("MSFT", 50, 200m, entry: 210m), Long("GOOG", 0, 100m)],
            recentOrders: [Now.AddSeconds(-10), Now.AddSeconds(-30), Now.AddSeconds(-59), Now.AddSeconds(-61)]);
        RiskRule[] rules =
        [
            Rule(RiskRuleType.MaxLeverage, 2m, ThresholdUnit.Ratio),
            Rule(RiskRuleType.MaxConcentration, 20m, ThresholdUnit.Percent),
            Rule(RiskRuleType.PositionLimit, 10m, ThresholdUnit.Count),
            Rule(RiskRuleType.OrderRateLimit, 10m, ThresholdUnit.Count, windowSeconds: 60),
            Rule(RiskRuleType.MaxOrderValue, 50_000m, ThresholdUnit.Dollars),
            Rule(RiskRuleType.MaxDrawdown, 8m, ThresholdUnit.Percent, RiskAction.Alert),
            Rule(RiskRuleType.StopLoss, 5m, ThresholdUnit.Percent, RiskAction.Alert, symbols: ["TSLA"]),
            Rule(RiskRuleType.MaxDailyLoss, 1_000m, ThresholdUnit.Dollars, isActive: false),
        ];
        return (PortfolioMetrics.Compute(snapshot, state, rules), rules);
    }

    /// <summary>Created Monday before the 21:00 UTC close at 110,000; 96,800 at the close; 100,000 now (Tuesday).</summary>
    private static PortfolioState MarkedState()
    {
        var state = State(110_000m, Utc(2026, 3, 2, 20));
        state.Mark(96_800m, Utc(2026, 3, 2, 20, 59));
        state.Mark(100_000m, Now);
        return state;
    }

    [Fact]
    public void Compute_AccountFigures_FollowTheDocumentedDefinitions()
    {
        var (m, _) = Compute();

        Assert.Equal(100_000m, m.AccountValue);
        Assert.Equal(75_000m, m.BuyingPower);
        Assert.Equal(95_000m, m.Cash);
        Assert.Equal(5_000m, m.TotalPositionValue);
        Assert.Equal(2, m.NumberOfPositions);
        Assert.Equal(100_000m - 96_800m, m.DailyPl);
        Assert.Equal(3_200m * 100m / 96_800m, m.DailyPlPercent);
        Assert.Equal(1_500m, m.TotalUnrealizedPl);
        Assert.Equal(1_500m * 100m / 24_500m, m.TotalUnrealizedPlPercent);
        Assert.Equal(25_000m, m.GrossExposure);
        Assert.Equal(5_000m, m.NetExposure);
        Assert.Equal(0.25m, m.Leverage);
        Assert.Equal(0.05m, m.NetLeverage);
        Assert.Equal(110_000m, m.HighWaterMark);
        Assert.Equal(10_000m, m.CurrentDrawdown);
        Assert.Equal(10_000m * 100m / 110_000m, m.CurrentDrawdownPercent);
        Assert.Equal(13_200m * 100m / 110_000m, m.MaxDrawdownPercent);
        Assert.Equal(("AAPL", 15_000m, 15m), (m.LargestPositionSymbol, m.LargestPositionValue, m.LargestPositionPercent));
        Assert.Equal(TradingState.Active, m.TradingState);
    }

    [Fact]
    public void MarkOf_TheStatesLatestMark_GivesTheSameFiguresAsComputeWithTheBrokersCash()
    {
        var (m, _) = Compute();
        var state = MarkedState();
        state.Halt("desk closed", Now);

        var mark = PortfolioMetrics.MarkOf(state, cash: 95_000m);

        Assert.Equal(
            (m.AccountValue, m.Cash, m.DailyPl, m.DailyPlPercent, m.CurrentDrawdown, m.CurrentDrawdownPercent, m.HighWaterMark),
            (mark.Equity, mark.Cash, mark.DailyPl, mark.DailyPlPercent, mark.CurrentDrawdown, mark.CurrentDrawdownPercent, mark.HighWaterMark));
        Assert.Equal((TradingState.Halted, "desk closed", Now), (mark.TradingState, mark.TradingStateReason, mark.MarkedAt));
    }

    [Fact]
    public void Compute_RuleUtilisation_CoversEveryActiveRule()
    {
        var (m, rules) = Compute();

        Assert.Equal(rules.Take(7).Select(r => r.Id), m.RuleUtilisation.Select(u => u.RuleId));
        var byType = m.RuleUtilisation.ToDictionary(u => u.RuleType);
        Assert.Equal((0.25m, 0.125m), (byType[RiskRuleType.MaxLeverage].Observed!.Value, byType[RiskRuleType.MaxLeverage].Utilisation!.Value));
        Assert.Equal(("AAPL", 15m, 0.75m), (byType[RiskRuleType.MaxConcentration].Symbol, byType[RiskRuleType.MaxConcentration].Observed!.Value, byType[RiskRuleType.MaxConcentration].Utilisation!.Value));
        Assert.Equal((2m, 0.2m), (byType[RiskRuleType.PositionLimit].Observed!.Value, byType[RiskRuleType.PositionLimit].Utilisation!.Value));
        Assert.Equal((3m, 0.3m), (byType[RiskRuleType.OrderRateLimit].Observed!.Value, byType[RiskRuleType.OrderRateLimit].Utilisation!.Value));
        Assert.Null(byType[RiskRuleType.MaxOrderValue].Observed);
        Assert.Null(byType[RiskRuleType.MaxOrderValue].Utilisation);
        Assert.True(byType[RiskRuleType.MaxDrawdown].IsBreached);
        Assert.Equal(10_000m * 100m / 110_000m / 8m, byType[RiskRuleType.MaxDrawdown].Utilisation);
        Assert.Equal((0m, 0m), (byType[RiskRuleType.StopLoss].Observed!.Value, byType[RiskRuleType.StopLoss].Utilisation!.Value));
    }

    [Theory]
    [InlineData(RiskRuleType.MaxPositionSize, ThresholdUnit.Dollars)]
    [InlineData(RiskRuleType.MaxConcentration, ThresholdUnit.Percent)]
    [InlineData(RiskRuleType.StopLoss, ThresholdUnit.Percent)]
    [InlineData(RiskRuleType.TakeProfit, ThresholdUnit.Percent)]
    public void Compute_MonitoredPerSymbolRule_WithNoPositionInScope_UsesZeroOfItsLimit(RiskRuleType type, ThresholdUnit unit)
    {
        var state = State(100_000m);
        var snapshot = Snapshot(equity: 100_000m, dayStartEquity: 100_000m, highWaterMark: 100_000m, cash: 100_000m, buyingPower: 100_000m);

        var m = PortfolioMetrics.Compute(snapshot, state, [Rule(type, 10m, unit, RiskAction.Alert)]);

        var utilisation = Assert.Single(m.RuleUtilisation);
        Assert.Equal((0m, 0m, false), (utilisation.Observed!.Value, utilisation.Utilisation!.Value, utilisation.IsBreached));
        Assert.Null(utilisation.Symbol);
    }

    [Fact]
    public void Compute_WithoutPositions_GivesZerosNotErrors()
    {
        var state = State(0m);

        var m = PortfolioMetrics.Compute(Snapshot(equity: 0m, dayStartEquity: 0m, highWaterMark: 0m), state, []);

        Assert.Equal((0, 0m, 0m, 0m, 0m, 0m), (m.NumberOfPositions, m.DailyPlPercent, m.TotalUnrealizedPlPercent, m.Leverage, m.CurrentDrawdownPercent, m.LargestPositionPercent));
        Assert.Null(m.LargestPositionSymbol);
        Assert.Empty(m.RuleUtilisation);
    }
}
