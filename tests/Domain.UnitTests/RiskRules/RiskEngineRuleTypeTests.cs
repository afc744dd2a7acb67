using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using static RiskPlatform.Domain.UnitTests.RiskRules.RiskScenario;

namespace RiskPlatform.Domain.UnitTests.RiskRules;

/// <summary>Each rule type's measure, with its boundary: exactly at the limit passes, just above breaches.</summary>
public sealed class RiskEngineRuleTypeTests
{
    // Existing long 50 AAPL, open buy 20, AAPL ask 100, equity 100,000.
    [Theory]
    [InlineData(ThresholdUnit.Shares, 100, 30, 100, false)]
    [InlineData(ThresholdUnit.Shares, 100, 31, 101, true)]
    [InlineData(ThresholdUnit.Dollars, 10_000, 30, 10_000, false)]
    [InlineData(ThresholdUnit.Dollars, 10_000, 31, 10_100, true)]
    [InlineData(ThresholdUnit.Percent, 10, 30, 10, false)]
    [InlineData(ThresholdUnit.Percent, 10, 31, 10.1, true)]
    public void Evaluate_MaxPositionSize_CountsPositionAndSameSideOpenOrders(
        ThresholdUnit unit, decimal threshold, decimal quantity, decimal expectedObserved, bool breached)
    {
        var snapshot = Snapshot(
            positions: [Long("AAPL", 50)],
            openOrders: [new OpenOrderSnapshot("AAPL", OrderSide.Buy, 20, null), new OpenOrderSnapshot("AAPL", OrderSide.Sell, 40, null)]);
        var rule = Rule(RiskRuleType.MaxPositionSize, threshold, unit);

        var decision = Evaluate(snapshot, Buy(quantity), rule);

        var result = Assert.Single(decision.Results);
        Assert.Equal(expectedObserved, result.Observed);
        Assert.Equal(threshold, result.Limit);
        Assert.Equal(breached ? RuleOutcome.Breached : RuleOutcome.Passed, result.Outcome);
        Assert.Equal(breached ? RiskDecisionOutcome.Blocked : RiskDecisionOutcome.Accepted, decision.Outcome);
    }

    [Theory]
    [InlineData(100, 150, false)] // short 100 + buy 150 = long 50
    [InlineData(100, 301, true)] // short 100 + buy 301 = long 201
    [InlineData(100, 300, false)] // long 200 exactly
    public void Evaluate_MaxPositionSize_WhenOrderFlipsShort_MeasuresResultingPosition(decimal shortQuantity, decimal buy, bool breached)
    {
        var snapshot = Snapshot(positions: [Short("AAPL", shortQuantity)]);
        var rule = Rule(RiskRuleType.MaxPositionSize, 200, ThresholdUnit.Shares);

        var decision = Evaluate(snapshot, Buy(buy), rule);

        Assert.Equal(breached, decision.Results[0].IsBreached);
    }

    [Theory]
    [InlineData(ThresholdUnit.Dollars, 5_000, 50, null, false)]
    [InlineData(ThresholdUnit.Dollars, 5_000, 51, null, true)]
    [InlineData(ThresholdUnit.Dollars, 5_000, 50, 101.0, true)] // buy limit above the ask: valued at the limit
    [InlineData(ThresholdUnit.Dollars, 5_000, 50, 90.0, false)] // buy limit below the ask: valued at the ask
    [InlineData(ThresholdUnit.Shares, 50, 50, null, false)]
    [InlineData(ThresholdUnit.Shares, 50, 51, null, true)]
    public void Evaluate_MaxOrderValue_MeasuresOneOrder(ThresholdUnit unit, decimal threshold, decimal quantity, double? limit, bool breached)
    {
        var rule = Rule(RiskRuleType.MaxOrderValue, threshold, unit);

        var decision = Evaluate(Snapshot(positions: [Long("AAPL", 1_000)]), Buy(quantity, limit: (decimal?)limit), rule);

        Assert.Equal(breached, decision.Results[0].IsBreached);
    }

    [Fact]
    public void Evaluate_SellOrder_UsesBidOrLowerLimitAsReferencePrice()
    {
        var rule = Rule(RiskRuleType.MaxOrderValue, 4_950, ThresholdUnit.Dollars);

        var atBid = Evaluate(Snapshot(), Sell(50), rule);
        var atLowerLimit = Evaluate(Snapshot(), Sell(50, limit: 98m), rule);
        var higherLimit = Evaluate(Snapshot(), Sell(51, limit: 120m), rule);

        Assert.Equal(99m, atBid.ReferencePrice);
        Assert.Equal(4_950m, atBid.Results[0].Observed);
        Assert.False(atBid.Results[0].IsBreached);
        Assert.Equal(98m, atLowerLimit.ReferencePrice);
        Assert.Equal(99m, higherLimit.ReferencePrice);
        Assert.True(higherLimit.Results[0].IsBreached);
    }

    [Theory]
    [InlineData(ThresholdUnit.Dollars, 5_000, 95_000, 5_000, false)]
    [InlineData(ThresholdUnit.Dollars, 5_000, 94_999, 5_001, true)]
    [InlineData(ThresholdUnit.Percent, 5, 95_000, 5, false)]
    [InlineData(ThresholdUnit.Percent, 5, 94_990, 5.01, true)]
    [InlineData(ThresholdUnit.Dollars, 5_000, 120_000, 0, false)] // a gain is no loss
    public void Evaluate_MaxDailyLoss_MeasuresLossSinceDayStart(
        ThresholdUnit unit, decimal threshold, decimal equity, decimal expectedObserved, bool breached)
    {
        var rule = Rule(RiskRuleType.MaxDailyLoss, threshold, unit);

        var decision = Evaluate(Snapshot(equity: equity, dayStartEquity: 100_000, highWaterMark: 200_000), Buy(1), rule);

        Assert.Equal(expectedObserved, decision.Results[0].Observed);
        Assert.Equal(breached, decision.Results[0].IsBreached);
    }

    [Theory]
    [InlineData(ThresholdUnit.Percent, 10, 108_000, 10, false)]
    [InlineData(ThresholdUnit.Percent, 10, 107_988, 10.01, true)]
    [InlineData(ThresholdUnit.Dollars, 12_000, 108_000, 12_000, false)]
    [InlineData(ThresholdUnit.Dollars, 12_000, 107_999, 12_001, true)]
    public void Evaluate_MaxDrawdown_MeasuresDeclineFromHighWaterMark(
        ThresholdUnit unit, decimal threshold, decimal equity, decimal expectedObserved, bool breached)
    {
        var rule = Rule(RiskRuleType.MaxDrawdown, threshold, unit);

        var decision = Evaluate(Snapshot(equity: equity, dayStartEquity: equity, highWaterMark: 120_000), Buy(1), rule);

        Assert.Equal(expectedObserved, decision.Results[0].Observed);
        Assert.Equal(breached, decision.Results[0].IsBreached);
    }

    [Theory]
    [InlineData("AAPL", 4, 4, false)] // opens a fourth position
    [InlineData("AAPL", 3, 4, true)]
    [InlineData("MSFT", 3, 3, false)] // adds to an existing one
    public void Evaluate_PositionLimit_CountsThePositionTheOrderWouldOpen(string symbol, decimal limit, decimal expectedObserved, bool breached)
    {
        var snapshot = Snapshot(positions: [Long("MSFT", 10), Long("GOOG", 10), Short("TSLA", 10), Long("IBM", 0)]);
        var rule = Rule(RiskRuleType.PositionLimit, limit, ThresholdUnit.Count);

        var decision = Evaluate(snapshot, Buy(1, symbol), rule);

        Assert.Equal(expectedObserved, decision.Results[0].Observed);
        Assert.Equal(breached, decision.Results[0].IsBreached);
    }

    // Equity 100,000; MSFT 1,000 @ 100 long and TSLA 500 @ 100 short (gross 150,000 elsewhere); AAPL long 100 @ 100.
    [Theory]
    [InlineData(900, 2.5, false)]
    [InlineData(901, 2.501, true)]
    public void Evaluate_MaxLeverage_MeasuresGrossExposureAfterTheOrder(decimal quantity, decimal expectedObserved, bool breached)
    {
        var snapshot = Snapshot(positions: [Long("MSFT", 1_000), Short("TSLA", 500), Long("AAPL", 100)]);
        var rule = Rule(RiskRuleType.MaxLeverage, 2.5m, ThresholdUnit.Ratio);

        var decision = Evaluate(snapshot, Buy(quantity), rule);

        Assert.Equal(expectedObserved, decision.Results[0].Observed);
        Assert.Equal(breached, decision.Results[0].IsBreached);
    }

    [Theory]
    [InlineData(100, 10, false)]
    [InlineData(101, 10.1, true)]
    public void Evaluate_MaxConcentration_MeasuresSymbolExposureAsPercentOfEquity(decimal quantity, decimal expectedObserved, bool breached)
    {
        var rule = Rule(RiskRuleType.MaxConcentration, 10, ThresholdUnit.Percent);

        var decision = Evaluate(Snapshot(positions: [Long("MSFT", 500)]), Buy(quantity), rule);

        Assert.Equal(expectedObserved, decision.Results[0].Observed);
        Assert.Equal(breached, decision.Results[0].IsBreached);
    }

    [Theory]
    [InlineData(new[] { 10, 30 }, 3, false)] // two in the window + this one = 3
    [InlineData(new[] { 10, 30, 59 }, 4, true)]
    [InlineData(new[] { 10, 30, 60, 61 }, 3, false)] // exactly window_seconds ago is outside the window
    [InlineData(new[] { 10, 30, -5 }, 3, false)] // a future timestamp is not counted
    public void Evaluate_OrderRateLimit_CountsOrdersInRollingWindowIncludingThisOne(int[] secondsAgo, decimal expectedObserved, bool breached)
    {
        var recent = secondsAgo.Select(s => Now.AddSeconds(-s)).ToArray();
        var rule = Rule(RiskRuleType.OrderRateLimit, 3, ThresholdUnit.Count, windowSeconds: 60);

        var decision = Evaluate(Snapshot(recentOrders: recent), Buy(1), rule);

        Assert.Equal(expectedObserved, decision.Results[0].Observed);
        Assert.Equal(breached, decision.Results[0].IsBreached);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 0, true)]
    [InlineData(OrderSide.Sell, 0, true)] // opening a short is opening
    [InlineData(OrderSide.Sell, 100, false)] // selling part of an existing long only reduces it
    public void Evaluate_RestrictedSymbols_BlocksOpeningButNotReducing(OrderSide side, decimal existingLong, bool blocked)
    {
        var positions = existingLong > 0 ? new[] { Long("AAPL", existingLong) } : [];
        var rule = Rule(RiskRuleType.RestrictedSymbols, 1, ThresholdUnit.Count, symbols: ["aapl", "TSLA"]);
        var order = new ProposedOrder("AAPL", side, 50);

        var decision = Evaluate(Snapshot(positions: positions), order, rule);

        Assert.Equal(blocked ? RiskDecisionOutcome.Blocked : RiskDecisionOutcome.Accepted, decision.Outcome);
        Assert.Equal(blocked ? RuleOutcome.Breached : RuleOutcome.Waived, decision.Results[0].Outcome);
    }

    [Fact]
    public void Evaluate_RestrictedSymbols_WhenSymbolNotListed_DoesNotApply()
    {
        var rule = Rule(RiskRuleType.RestrictedSymbols, 1, ThresholdUnit.Count, symbols: ["TSLA"]);

        var decision = Evaluate(Snapshot(), Buy(50, "AAPL"), rule);

        Assert.Empty(decision.Results);
        Assert.Equal(RiskDecisionOutcome.Accepted, decision.Outcome);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 105.0, 5, false)] // ask 100
    [InlineData(OrderSide.Buy, 105.01, 5.01, true)]
    [InlineData(OrderSide.Buy, 95.0, 5, false)]
    [InlineData(OrderSide.Sell, 94.05, 5, false)] // bid 99
    [InlineData(OrderSide.Sell, 94.0, 5.05, true)]
    public void Evaluate_PriceCollar_MeasuresLimitDistanceFromQuote(OrderSide side, double limit, double expectedObserved, bool breached)
    {
        var rule = Rule(RiskRuleType.PriceCollar, 5, ThresholdUnit.Percent);
        var order = new ProposedOrder("AAPL", side, 1, OrderType.Limit, (decimal)limit);

        var decision = Evaluate(Snapshot(), order, rule);

        Assert.Equal(Math.Round((decimal)expectedObserved, 2), Math.Round(decision.Results[0].Observed, 2));
        Assert.Equal(breached, decision.Results[0].IsBreached);
    }

    [Fact]
    public void Evaluate_PriceCollar_WhenMarketOrder_Passes()
    {
        var rule = Rule(RiskRuleType.PriceCollar, 1, ThresholdUnit.Percent);

        var decision = Evaluate(Snapshot(), Buy(1), rule);

        Assert.Equal(RuleOutcome.Passed, decision.Results[0].Outcome);
        Assert.Equal(0m, decision.Results[0].Observed);
    }

    [Theory]
    [InlineData(RiskRuleType.StopLoss)]
    [InlineData(RiskRuleType.TakeProfit)]
    public void Evaluate_MonitorOnlyRules_NeverGateAnOrder(RiskRuleType type)
    {
        var snapshot = Snapshot(positions: [Long("AAPL", 100, price: 50m, entry: 100m)]);
        var rule = Rule(type, 1, ThresholdUnit.Percent, RiskAction.ClosePosition);

        var decision = Evaluate(snapshot, Buy(10), rule);

        Assert.Empty(decision.Results);
        Assert.Equal(RiskDecisionOutcome.Accepted, decision.Outcome);
    }
}
