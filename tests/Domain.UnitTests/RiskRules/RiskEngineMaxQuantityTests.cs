using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using static RiskPlatform.Domain.UnitTests.RiskRules.RiskScenario;

namespace RiskPlatform.Domain.UnitTests.RiskRules;

public sealed class RiskEngineMaxQuantityTests
{
    [Fact]
    public void MaxQuantity_WhenNoRuleLimitsQuantity_IsUnlimited()
    {
        RiskRule[] rules =
        [
            Rule(RiskRuleType.MaxOrderValue, 10, ThresholdUnit.Dollars, RiskAction.Alert),
            Rule(RiskRuleType.MaxDailyLoss, 5, ThresholdUnit.Percent, RiskAction.Block),
        ];

        var result = RiskEngine.MaxQuantity(Snapshot(), rules, "AAPL", OrderSide.Buy);

        Assert.Null(result.MaxQuantity);
        Assert.Null(result.BindingRule);
        Assert.Null(result.FailureCode);
        Assert.Equal(100m, result.ReferencePrice);
    }

    [Fact]
    public void MaxQuantity_ReturnsTightestRuleAndItsQuantity()
    {
        var position = Rule(RiskRuleType.MaxPositionSize, 100, ThresholdUnit.Shares, RiskAction.Block);
        var value = Rule(RiskRuleType.MaxOrderValue, 7_550, ThresholdUnit.Dollars, RiskAction.ReduceSize);
        var leverage = Rule(RiskRuleType.MaxLeverage, 1, ThresholdUnit.Ratio, RiskAction.Block);

        var result = RiskEngine.MaxQuantity(Snapshot(positions: [Long("AAPL", 30)]), [position, value, leverage], "aapl", OrderSide.Buy);

        Assert.Equal(70m, result.MaxQuantity);
        Assert.Same(position, result.BindingRule);
        Assert.False(result.LimitedByReduceOnly);
    }

    [Fact]
    public void MaxQuantity_RoundsDownToWholeShares()
    {
        var value = Rule(RiskRuleType.MaxOrderValue, 1_000, ThresholdUnit.Dollars, RiskAction.Block);

        var result = RiskEngine.MaxQuantity(Snapshot(), [value], "AAPL", OrderSide.Sell); // bid 99: 10.1 shares

        Assert.Equal(10m, result.MaxQuantity);
    }

    [Fact]
    public void MaxQuantity_WhenAccountLevelRuleBreached_AllowsOnlyReducing()
    {
        var snapshot = Snapshot(equity: 90_000, dayStartEquity: 100_000, positions: [Long("AAPL", 40)]);
        var loss = Rule(RiskRuleType.MaxDailyLoss, 5, ThresholdUnit.Percent, RiskAction.Block);

        var buy = RiskEngine.MaxQuantity(snapshot, [loss], "AAPL", OrderSide.Buy);
        var sell = RiskEngine.MaxQuantity(snapshot, [loss], "AAPL", OrderSide.Sell);

        Assert.Equal(0m, buy.MaxQuantity);
        Assert.Same(loss, buy.BindingRule);
        Assert.Equal(40m, sell.MaxQuantity);
        Assert.True(sell.LimitedByReduceOnly);
        Assert.Same(loss, sell.BindingRule);
    }

    [Fact]
    public void MaxQuantity_WhenQuoteStale_AllowsNothing()
    {
        var quotes = DefaultQuotes();
        quotes["AAPL"] = new QuoteSnapshot(99m, 100m, 99m, Now.AddMinutes(-1));

        var result = RiskEngine.MaxQuantity(Snapshot(quotes: quotes), [], "AAPL", OrderSide.Buy);

        Assert.Equal(0m, result.MaxQuantity);
        Assert.Equal(RiskReasonCodes.QuoteStale, result.FailureCode);
    }

    [Theory]
    [InlineData(OrderSide.Buy, null)]
    [InlineData(OrderSide.Buy, 103.0)]
    [InlineData(OrderSide.Sell, null)]
    [InlineData(OrderSide.Sell, 97.5)]
    public void MaxQuantity_AgreesWithEvaluate(OrderSide side, double? limit)
    {
        var snapshot = Snapshot(
            positions: [Long("MSFT", 600), Short("AAPL", 25), Long("GOOG", 100)],
            openOrders: [new OpenOrderSnapshot("AAPL", OrderSide.Sell, 5, null), new OpenOrderSnapshot("AAPL", OrderSide.Buy, 7, null)]);
        RiskRule[] rules =
        [
            Rule(RiskRuleType.MaxLeverage, 1.2m, ThresholdUnit.Ratio, RiskAction.ReduceSize),
            Rule(RiskRuleType.MaxConcentration, 33, ThresholdUnit.Percent, RiskAction.Block),
            Rule(RiskRuleType.MaxPositionSize, 41_000, ThresholdUnit.Dollars, RiskAction.Block),
            Rule(RiskRuleType.MaxOrderValue, 60_000, ThresholdUnit.Dollars, RiskAction.ReduceSize),
            Rule(RiskRuleType.MaxConcentration, 1, ThresholdUnit.Percent, RiskAction.Alert),
        ];
        var type = limit is null ? OrderType.Market : OrderType.Limit;
        var limitPrice = (decimal?)limit;

        var max = RiskEngine.MaxQuantity(snapshot, rules, "AAPL", side, null, type, limitPrice).MaxQuantity!.Value;
        var atMax = RiskEngine.Evaluate(snapshot, rules, new ProposedOrder("AAPL", side, max, type, limitPrice));
        var overMax = RiskEngine.Evaluate(snapshot, rules, new ProposedOrder("AAPL", side, max + 1, type, limitPrice));

        Assert.True(max > 0);
        Assert.Equal(RiskDecisionOutcome.Accepted, atMax.Outcome);
        Assert.NotEqual(RiskDecisionOutcome.Accepted, overMax.Outcome);
    }
}
