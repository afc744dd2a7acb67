using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using static RiskPlatform.Domain.UnitTests.RiskRules.RiskScenario;

namespace RiskPlatform.Domain.UnitTests.RiskRules;

public sealed class RiskEnginePortfolioTests
{
    [Theory]
    [InlineData(RiskRuleType.MaxDailyLoss, ThresholdUnit.Dollars, 4_000, 4_000, false)]
    [InlineData(RiskRuleType.MaxDailyLoss, ThresholdUnit.Percent, 3.9, 4, true)]
    [InlineData(RiskRuleType.MaxDrawdown, ThresholdUnit.Percent, 20, 20, false)]
    [InlineData(RiskRuleType.MaxDrawdown, ThresholdUnit.Dollars, 23_999, 24_000, true)]
    [InlineData(RiskRuleType.MaxLeverage, ThresholdUnit.Ratio, 1.5, 1.5, false)]
    [InlineData(RiskRuleType.MaxLeverage, ThresholdUnit.Ratio, 1.4, 1.5, true)]
    public void EvaluatePortfolio_AccountLevelRules_ObserveOnce(
        RiskRuleType type, ThresholdUnit unit, double threshold, double expectedObserved, bool breached)
    {
        // Equity 96,000 after a day starting at 100,000, high-water mark 120,000; gross exposure 144,000.
        var snapshot = Snapshot(
            equity: 96_000,
            dayStartEquity: 100_000,
            highWaterMark: 120_000,
            positions: [Long("MSFT", 1_000), Short("AAPL", 440)]);
        var rule = Rule(type, (decimal)threshold, unit, RiskAction.Alert);

        var observations = RiskEngine.EvaluatePortfolio(snapshot, [rule]);

        var observation = Assert.Single(observations);
        Assert.Null(observation.Symbol);
        Assert.Equal((decimal)expectedObserved, observation.Observed);
        Assert.Equal(breached, observation.IsBreached);
        Assert.Equal(breached, observation.Reason is not null);
        Assert.Equal((decimal)expectedObserved / (decimal)threshold, observation.Utilisation);
    }

    [Fact]
    public void EvaluatePortfolio_PerSymbolRules_ObserveEachPositionInScope()
    {
        var snapshot = Snapshot(positions: [Long("MSFT", 250), Short("AAPL", 200), Long("GOOG", 0), Long("TSLA", 50)]);
        var concentration = Rule(RiskRuleType.MaxConcentration, 20, ThresholdUnit.Percent, RiskAction.ClosePosition);
        var size = Rule(RiskRuleType.MaxPositionSize, 200, ThresholdUnit.Shares, RiskAction.Alert, symbols: ["AAPL", "TSLA"]);

        var observations = RiskEngine.EvaluatePortfolio(snapshot, [size, concentration]);

        (RiskRuleType, string, decimal, bool)[] expected =
        [
            (RiskRuleType.MaxPositionSize, "AAPL", 200m, false),
            (RiskRuleType.MaxPositionSize, "TSLA", 50m, false),
            (RiskRuleType.MaxConcentration, "MSFT", 25m, true),
            (RiskRuleType.MaxConcentration, "AAPL", 20m, false),
            (RiskRuleType.MaxConcentration, "TSLA", 5m, false),
        ];
        Assert.Equal(expected, observations.Select(o => (o.Rule.RuleType, o.Symbol!, o.Observed, o.IsBreached)));
        Assert.Equal("MAX_CONCENTRATION_EXCEEDED: symbol=MSFT, concentration=25.00, limit=20.00", observations[2].Reason);
    }

    [Theory]
    [InlineData(RiskRuleType.StopLoss, 100, 90, 10, true)] // long, down 10 %: reaches the threshold
    [InlineData(RiskRuleType.StopLoss, 100, 90.01, 9.99, false)]
    [InlineData(RiskRuleType.StopLoss, 100, 120, 0, false)] // favourable: no adverse move
    [InlineData(RiskRuleType.StopLoss, -100, 110, 10, true)] // short, up 10 %
    [InlineData(RiskRuleType.TakeProfit, 100, 110, 10, true)]
    [InlineData(RiskRuleType.TakeProfit, 100, 109.99, 9.99, false)]
    [InlineData(RiskRuleType.TakeProfit, -100, 90, 10, true)] // short, down 10 %
    [InlineData(RiskRuleType.TakeProfit, -100, 110, 0, false)]
    public void EvaluatePortfolio_StopLossAndTakeProfit_MeasureMoveFromAverageEntry(
        RiskRuleType type, decimal quantity, double price, double expectedMove, bool breached)
    {
        var snapshot = Snapshot(positions: [new PositionSnapshot("AAPL", quantity, 100m, (decimal)price)]);
        var rule = Rule(type, 10, ThresholdUnit.Percent, RiskAction.ClosePosition);

        var observation = Assert.Single(RiskEngine.EvaluatePortfolio(snapshot, [rule]));

        Assert.Equal("AAPL", observation.Symbol);
        Assert.Equal((decimal)expectedMove, observation.Observed);
        Assert.Equal(breached, observation.IsBreached);
    }

    [Fact]
    public void EvaluatePortfolio_SkipsInactiveAndPreTradeOnlyRules()
    {
        RiskRule[] rules =
        [
            Rule(RiskRuleType.MaxOrderValue, 1, ThresholdUnit.Dollars),
            Rule(RiskRuleType.PositionLimit, 1, ThresholdUnit.Count),
            Rule(RiskRuleType.OrderRateLimit, 1, ThresholdUnit.Count),
            Rule(RiskRuleType.MaxLeverage, 1, ThresholdUnit.Ratio, isActive: false),
        ];

        Assert.Empty(RiskEngine.EvaluatePortfolio(Snapshot(positions: [Long("AAPL", 10)]), rules));
    }

    [Fact]
    public void EvaluatePortfolio_UsesSameMathAsPreTrade()
    {
        // The monitor's concentration of the current position equals the engine's projection of an order of zero more shares
        // when the quote equals the market price.
        var snapshot = Snapshot(positions: [Long("MSFT", 123)]);
        var rule = Rule(RiskRuleType.MaxConcentration, 10, ThresholdUnit.Percent, RiskAction.Alert);

        var monitor = Assert.Single(RiskEngine.EvaluatePortfolio(snapshot, [rule]));
        var preTrade = RiskEngine.Evaluate(snapshot, [rule], Buy(7, "MSFT"));

        Assert.Equal(12.3m, monitor.Observed);
        Assert.Equal(13m, preTrade.Results[0].Observed);
    }
}
