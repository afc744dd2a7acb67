using RiskPlatform.Domain.Trading;
using System.Globalization;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using static RiskPlatform.Domain.UnitTests.RiskRules.RiskScenario;

namespace RiskPlatform.Domain.UnitTests.RiskRules;

/// <summary>How breaches combine into a decision: actions, reduce-only orders, reductions, failing closed, scope, order.</summary>
public sealed class RiskEngineDecisionTests
{
    public static TheoryData<RiskRuleType, ThresholdUnit, decimal, RiskAction, RiskDecisionOutcome, decimal> BreachedRuleActions()
    {
        // Each scenario breaches its rule with a buy of 150 AAPL, limit 102 (above the ask: valued at 102), on equity 100,000
        // (day start 102,000, high-water mark 110,000) holding 50 AAPL and 100 MSFT @ 100, one order a second ago.
        var data = new TheoryData<RiskRuleType, ThresholdUnit, decimal, RiskAction, RiskDecisionOutcome, decimal>();
        foreach (var (type, unit, threshold, reducedTo) in new (RiskRuleType, ThresholdUnit, decimal, decimal)[]
        {
            (RiskRuleType.MaxPositionSize, ThresholdUnit.Shares, 120, 70),
            (RiskRuleType.MaxOrderValue, ThresholdUnit.Dollars, 12_000, 117), // 12,000 / 102 = 117.6
            (RiskRuleType.MaxDailyLoss, ThresholdUnit.Dollars, 1_000, 0),
            (RiskRuleType.MaxDrawdown, ThresholdUnit.Percent, 1, 0),
            (RiskRuleType.PositionLimit, ThresholdUnit.Count, 1, 0),
            (RiskRuleType.MaxLeverage, ThresholdUnit.Ratio, 0.25m, 97), // (25,000 - 10,000) / 102 - 50 = 97.06
            (RiskRuleType.MaxConcentration, ThresholdUnit.Percent, 15, 97), // 15,000 / 102 - 50 = 97.06
            (RiskRuleType.OrderRateLimit, ThresholdUnit.Count, 1, 0),
            (RiskRuleType.RestrictedSymbols, ThresholdUnit.Count, 1, 0),
            (RiskRuleType.PriceCollar, ThresholdUnit.Percent, 1, 0),
        })
        {
            foreach (var action in RiskRuleCatalog.AllowedActions(type))
            {
                var (outcome, approved) = action switch
                {
                    RiskAction.Alert => (RiskDecisionOutcome.Accepted, 150m),
                    RiskAction.ReduceSize => (RiskDecisionOutcome.Reduced, reducedTo),
                    _ => (RiskDecisionOutcome.Blocked, 0m),
                };
                data.Add(type, unit, threshold, action, outcome, approved);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BreachedRuleActions))]
    public void Evaluate_WhenRuleBreached_AppliesEachFittingAction(
        RiskRuleType type, ThresholdUnit unit, decimal threshold, RiskAction action, RiskDecisionOutcome expectedOutcome, decimal expectedApproved)
    {
        var snapshot = Snapshot(
            equity: 100_000,
            dayStartEquity: 102_000,
            highWaterMark: 110_000,
            positions: [Long("AAPL", 50), Long("MSFT", 100)],
            recentOrders: [Now.AddSeconds(-1)]);
        var rule = Rule(type, threshold, unit, action, symbols: type == RiskRuleType.RestrictedSymbols ? ["AAPL"] : null);

        var decision = Evaluate(snapshot, Buy(150, limit: 102m), rule);

        var result = Assert.Single(decision.Results);
        Assert.Equal(RuleOutcome.Breached, result.Outcome);
        Assert.NotNull(result.Reason);
        Assert.StartsWith(RiskReasonCodes.ForRuleType(type) + ":", result.Reason, StringComparison.Ordinal);
        Assert.Equal(expectedOutcome, decision.Outcome);
        Assert.Equal(expectedApproved, decision.ApprovedQuantity);
        Assert.Equal(action, decision.Action);
        Assert.Equal(action == RiskAction.Alert ? 1 : 0, decision.Alerts.Count);
    }

    [Fact]
    public void Evaluate_WhenNoRuleBreached_AcceptsRequestedQuantity()
    {
        var rules = new[]
        {
            Rule(RiskRuleType.MaxPositionSize, 1_000, ThresholdUnit.Shares),
            Rule(RiskRuleType.MaxLeverage, 2, ThresholdUnit.Ratio, RiskAction.ReduceSize),
        };

        var decision = RiskEngine.Evaluate(Snapshot(), rules, Buy(10));

        Assert.Equal(RiskDecisionOutcome.Accepted, decision.Outcome);
        Assert.Equal(10m, decision.ApprovedQuantity);
        Assert.Null(decision.Action);
        Assert.Null(decision.BindingRule);
        Assert.Equal(2, decision.Results.Count);
        Assert.All(decision.Results, r => Assert.Null(r.Reason));
        Assert.Empty(decision.Reasons);
    }

    [Theory]
    [InlineData(100, true)] // closes the long exactly
    [InlineData(60, true)]
    [InlineData(101, false)] // crosses into a short
    public void Evaluate_WhenOrderOnlyReducesPosition_PassesBlockingRules(decimal sellQuantity, bool reduceOnly)
    {
        var snapshot = Snapshot(equity: 90_000, dayStartEquity: 100_000, positions: [Long("AAPL", 100)], recentOrders: [Now.AddSeconds(-1)]);
        var rules = new[]
        {
            Rule(RiskRuleType.MaxDailyLoss, 5, ThresholdUnit.Percent, RiskAction.CloseAll),
            Rule(RiskRuleType.OrderRateLimit, 1, ThresholdUnit.Count, RiskAction.Block),
            Rule(RiskRuleType.RestrictedSymbols, 1, ThresholdUnit.Count, RiskAction.Block, symbols: ["AAPL"]),
        };

        var decision = RiskEngine.Evaluate(snapshot, rules, Sell(sellQuantity));

        Assert.Equal(reduceOnly, decision.IsReduceOnly);
        Assert.Equal(reduceOnly ? RiskDecisionOutcome.Accepted : RiskDecisionOutcome.Blocked, decision.Outcome);
        Assert.All(decision.Results, r => Assert.Equal(reduceOnly ? RuleOutcome.Waived : RuleOutcome.Breached, r.Outcome));
        Assert.All(decision.Results, r => Assert.NotNull(r.Reason));
    }

    [Fact]
    public void Evaluate_WhenSameSideOpenOrdersWouldCrossZero_IsNotReduceOnly()
    {
        var snapshot = Snapshot(
            equity: 90_000,
            dayStartEquity: 100_000,
            positions: [Long("AAPL", 100)],
            openOrders: [new OpenOrderSnapshot("AAPL", OrderSide.Sell, 50, null)]);
        var rule = Rule(RiskRuleType.MaxDailyLoss, 5, ThresholdUnit.Percent, RiskAction.Block);

        var decision = Evaluate(snapshot, Sell(60), rule);

        Assert.False(decision.IsReduceOnly);
        Assert.Equal(RiskDecisionOutcome.Blocked, decision.Outcome);
    }

    [Fact]
    public void Evaluate_WhenReduceOnlyOrderBreachesAlertRule_StillAlerts()
    {
        var snapshot = Snapshot(equity: 90_000, dayStartEquity: 100_000, positions: [Long("AAPL", 100)]);
        var rule = Rule(RiskRuleType.MaxDailyLoss, 5, ThresholdUnit.Percent, RiskAction.Alert);

        var decision = Evaluate(snapshot, Sell(10), rule);

        Assert.Equal(RiskDecisionOutcome.Accepted, decision.Outcome);
        Assert.Equal(RuleOutcome.Breached, decision.Results[0].Outcome);
        Assert.Single(decision.Alerts);
    }

    [Theory]
    [InlineData(new[] { RiskAction.Alert, RiskAction.ReduceSize }, RiskAction.ReduceSize, RiskDecisionOutcome.Reduced)]
    [InlineData(new[] { RiskAction.ReduceSize, RiskAction.Block }, RiskAction.Block, RiskDecisionOutcome.Blocked)]
    [InlineData(new[] { RiskAction.Block, RiskAction.ClosePosition, RiskAction.Alert }, RiskAction.ClosePosition, RiskDecisionOutcome.Blocked)]
    [InlineData(new[] { RiskAction.CloseAll, RiskAction.ClosePosition, RiskAction.ReduceSize }, RiskAction.CloseAll, RiskDecisionOutcome.Blocked)]
    [InlineData(new[] { RiskAction.Alert, RiskAction.Alert }, RiskAction.Alert, RiskDecisionOutcome.Accepted)]
    public void Evaluate_WhenSeveralRulesBreached_StrictestActionWins(RiskAction[] actions, RiskAction expected, RiskDecisionOutcome outcome)
    {
        // Max position size 100 shares, breached by buying 150 with no position; every action here fits that rule type.
        var rules = actions.Select(a => Rule(RiskRuleType.MaxPositionSize, 100, ThresholdUnit.Shares, a)).ToArray();

        var decision = RiskEngine.Evaluate(Snapshot(), rules, Buy(150));

        Assert.Equal(expected, decision.Action);
        Assert.Equal(outcome, decision.Outcome);
        if (outcome != RiskDecisionOutcome.Accepted)
        {
            Assert.Equal(expected, decision.BindingRule!.Value.Action);
        }
    }

    [Fact]
    public void Evaluate_WhenSeveralReduceSizeRulesBreached_ApprovesWhatEveryOneAllows()
    {
        var position = Rule(RiskRuleType.MaxPositionSize, 120, ThresholdUnit.Shares, RiskAction.ReduceSize);
        var value = Rule(RiskRuleType.MaxOrderValue, 9_000, ThresholdUnit.Dollars, RiskAction.ReduceSize);
        var alert = Rule(RiskRuleType.MaxConcentration, 5, ThresholdUnit.Percent, RiskAction.Alert);

        var decision = RiskEngine.Evaluate(Snapshot(), [position, value, alert], Buy(150));

        Assert.Equal(RiskDecisionOutcome.Reduced, decision.Outcome);
        Assert.Equal(90m, decision.ApprovedQuantity);
        Assert.Same(value, decision.BindingRule!.Value.Rule);
        Assert.Single(decision.Alerts);
        Assert.Equal(3, decision.Reasons.Count);
    }

    [Theory]
    [InlineData(10.05, 200, 100)] // 10,050 / 100 = 100.5 shares, rounded down
    [InlineData(10.0, 200, 100)]
    [InlineData(0.0999, 5, 0)] // less than one share allowed: blocked
    public void Evaluate_ReduceSize_RoundsDownToWholeShares(double maxConcentration, decimal requested, decimal expectedApproved)
    {
        var rule = Rule(RiskRuleType.MaxConcentration, (decimal)maxConcentration, ThresholdUnit.Percent, RiskAction.ReduceSize);

        var decision = Evaluate(Snapshot(), Buy(requested), rule);

        Assert.Equal(expectedApproved, decision.ApprovedQuantity);
        Assert.Equal(expectedApproved > 0 ? RiskDecisionOutcome.Reduced : RiskDecisionOutcome.Blocked, decision.Outcome);
        Assert.Equal(RiskAction.ReduceSize, decision.Action);
        Assert.Same(rule, decision.BindingRule!.Value.Rule);
    }

    [Fact]
    public void Evaluate_ReduceSize_WhenPositionAlreadyAtLimit_Blocks()
    {
        var rule = Rule(RiskRuleType.MaxPositionSize, 100, ThresholdUnit.Shares, RiskAction.ReduceSize);

        var decision = Evaluate(Snapshot(positions: [Long("AAPL", 100)]), Buy(1), rule);

        Assert.Equal(RiskDecisionOutcome.Blocked, decision.Outcome);
        Assert.Equal(0m, decision.ApprovedQuantity);
        Assert.Equal(0m, decision.Results[0].AllowedQuantity);
    }

    [Fact]
    public void Evaluate_ReduceSize_WhenApprovedQuantityReevaluated_PassesEveryRule()
    {
        var snapshot = Snapshot(positions: [Long("MSFT", 800), Short("AAPL", 30)], openOrders: [new OpenOrderSnapshot("AAPL", OrderSide.Buy, 10, null)]);
        RiskRule[] rules =
        [
            Rule(RiskRuleType.MaxLeverage, 1.5m, ThresholdUnit.Ratio, RiskAction.ReduceSize),
            Rule(RiskRuleType.MaxPositionSize, 45, ThresholdUnit.Percent, RiskAction.ReduceSize),
            Rule(RiskRuleType.MaxOrderValue, 90_000, ThresholdUnit.Dollars, RiskAction.ReduceSize),
        ];

        var reduced = RiskEngine.Evaluate(snapshot, rules, Buy(2_000, limit: 101m));
        var again = RiskEngine.Evaluate(snapshot, rules, Buy(reduced.ApprovedQuantity, limit: 101m));
        var oneMore = RiskEngine.Evaluate(snapshot, rules, Buy(reduced.ApprovedQuantity + 1, limit: 101m));

        Assert.Equal(RiskDecisionOutcome.Reduced, reduced.Outcome);
        Assert.Equal(RiskDecisionOutcome.Accepted, again.Outcome);
        Assert.Equal(RiskDecisionOutcome.Reduced, oneMore.Outcome);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void Evaluate_WhenQuoteOlderThanMaxAge_FailsClosed(int ageSeconds, bool stale)
    {
        var quotes = DefaultQuotes();
        quotes["AAPL"] = new QuoteSnapshot(99m, 100m, 99.5m, Now.AddSeconds(-ageSeconds));

        var decision = RiskEngine.Evaluate(Snapshot(quotes: quotes), [], Buy(1));

        Assert.Equal(stale ? RiskDecisionOutcome.Blocked : RiskDecisionOutcome.Accepted, decision.Outcome);
        Assert.Equal(stale ? RiskReasonCodes.QuoteStale : null, decision.FailureCode);
        if (stale)
        {
            Assert.Equal("QUOTE_STALE: symbol=AAPL, age_seconds=6.00, max_age_seconds=5.00", Assert.Single(decision.Reasons));
        }
    }

    [Theory]
    [InlineData(false, 0, 0, 0)]
    [InlineData(true, 0, 0, 0)]
    [InlineData(true, -1, -1, 0)]
    public void Evaluate_WhenQuoteMissingOrUnpriced_FailsClosedEvenForReduceOnly(bool present, decimal bid, decimal ask, decimal last)
    {
        var quotes = DefaultQuotes();
        quotes.Remove("AAPL");
        if (present)
        {
            quotes["AAPL"] = new QuoteSnapshot(bid, ask, last, Now);
        }

        var decision = RiskEngine.Evaluate(Snapshot(quotes: quotes, positions: [Long("AAPL", 10)]), [], Sell(5));

        Assert.Equal(RiskDecisionOutcome.Blocked, decision.Outcome);
        Assert.Equal(RiskReasonCodes.QuoteUnavailable, decision.FailureCode);
        Assert.Equal(0m, decision.ApprovedQuantity);
        Assert.Empty(decision.Results);
    }

    [Fact]
    public void Evaluate_WhenSideQuoteMissing_FallsBackToLast()
    {
        var quotes = DefaultQuotes();
        quotes["AAPL"] = new QuoteSnapshot(99m, 0m, 101m, Now);

        var decision = RiskEngine.Evaluate(Snapshot(quotes: quotes), [], Buy(1));

        Assert.Equal(101m, decision.ReferencePrice);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-10, false)]
    [InlineData(-10, true)]
    public void Evaluate_WhenEquityNotPositive_BlocksAllButReduceOnly(decimal equity, bool reduceOnly)
    {
        var snapshot = Snapshot(equity: equity, dayStartEquity: 100_000, positions: [Long("AAPL", 10)]);
        var rule = Rule(RiskRuleType.MaxLeverage, 2, ThresholdUnit.Ratio, RiskAction.Block);

        var decision = Evaluate(snapshot, reduceOnly ? Sell(10) : Buy(1), rule);

        Assert.Equal(reduceOnly ? RiskDecisionOutcome.Accepted : RiskDecisionOutcome.Blocked, decision.Outcome);
        Assert.Equal(reduceOnly ? null : RiskReasonCodes.EquityNotPositive, decision.FailureCode);
    }

    [Theory]
    [InlineData(null, null, "AAPL", true)] // global
    [InlineData("A", null, "AAPL", true)]
    [InlineData("A", null, null, false)] // strategy rule, order without strategy
    [InlineData("B", null, "AAPL", false)]
    [InlineData(null, "AAPL", "AAPL", true)]
    [InlineData(null, "MSFT", "AAPL", false)]
    [InlineData("A", "AAPL", "AAPL", true)]
    [InlineData("A", "MSFT", "AAPL", false)]
    public void Evaluate_OnlyRulesInScopeApply(string? ruleStrategy, string? ruleSymbol, string? orderStrategyAndSymbol, bool applies)
    {
        var strategy = ruleStrategy switch { "A" => StrategyA, "B" => StrategyB, _ => (Guid?)null };
        var rule = Rule(RiskRuleType.MaxOrderValue, 10, ThresholdUnit.Dollars, strategyId: strategy, symbols: ruleSymbol is null ? null : [ruleSymbol]);
        var order = Buy(1, "AAPL", strategyId: orderStrategyAndSymbol is null ? null : StrategyA);

        var decision = Evaluate(Snapshot(), order, rule);

        Assert.Equal(applies ? 1 : 0, decision.Results.Count);
        Assert.Equal(applies ? RiskDecisionOutcome.Blocked : RiskDecisionOutcome.Accepted, decision.Outcome);
    }

    [Fact]
    public void Evaluate_InactiveRule_IsSkipped()
    {
        var rule = Rule(RiskRuleType.MaxOrderValue, 10, ThresholdUnit.Dollars, isActive: false);

        var decision = Evaluate(Snapshot(), Buy(1), rule);

        Assert.Empty(decision.Results);
        Assert.Equal(RiskDecisionOutcome.Accepted, decision.Outcome);
    }

    [Fact]
    public void Evaluate_ResultOrder_DoesNotDependOnRuleOrder()
    {
        RiskRule[] rules =
        [
            Rule(RiskRuleType.PriceCollar, 1, ThresholdUnit.Percent, RiskAction.Block),
            Rule(RiskRuleType.MaxPositionSize, 100, ThresholdUnit.Shares, RiskAction.ReduceSize),
            Rule(RiskRuleType.MaxPositionSize, 80, ThresholdUnit.Shares, RiskAction.ReduceSize),
            Rule(RiskRuleType.MaxLeverage, 0.1m, ThresholdUnit.Ratio, RiskAction.Alert),
        ];

        var forward = RiskEngine.Evaluate(Snapshot(), rules, Buy(150));
        var backward = RiskEngine.Evaluate(Snapshot(), rules.Reverse().ToArray(), Buy(150));

        // Same type: by id (UUID v7 may not be monotonic within a millisecond, so sort the pair as the engine does).
        var positionRules = new[] { rules[1], rules[2] }.OrderBy(r => r.Id).ToArray();
        var expected = new[] { positionRules[0], positionRules[1], rules[3], rules[0] };
        Assert.Equal(expected, forward.Results.Select(r => r.Rule));
        Assert.Equal(expected, backward.Results.Select(r => r.Rule));
        Assert.Equal(80m, forward.ApprovedQuantity);
        Assert.Same(rules[2], forward.BindingRule!.Value.Rule);
        Assert.Same(rules[2], backward.BindingRule!.Value.Rule);
    }

    [Fact]
    public void Evaluate_Reasons_AreStableAndCultureInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var snapshot = Snapshot(positions: [Long("MSFT", 1_000)]);
            var rule = Rule(RiskRuleType.MaxLeverage, 2, ThresholdUnit.Ratio, RiskAction.Block);

            var decision = Evaluate(snapshot, Buy(1_410), rule);

            Assert.Equal("MAX_LEVERAGE_EXCEEDED: projected=2.41, limit=2.00", Assert.Single(decision.Reasons));
            Assert.Equal(RiskReasonCodes.MaxLeverageExceeded, decision.Results[0].Code);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Evaluate_WithReusedBuffer_FillsBufferAfterClearing()
    {
        var buffer = new List<RuleEvaluation>();
        var rule = Rule(RiskRuleType.MaxOrderValue, 1_000, ThresholdUnit.Dollars, RiskAction.Block);

        RiskEngine.Evaluate(Snapshot(), [rule, rule], Buy(1), buffer);
        var decision = RiskEngine.Evaluate(Snapshot(), [rule], Buy(20), buffer);

        Assert.Same(buffer, decision.Results);
        Assert.Single(buffer);
        Assert.Equal(RiskDecisionOutcome.Blocked, decision.Outcome);
    }

    [Theory]
    [InlineData("", 1, OrderType.Market, null, RiskReasonCodes.OrderSymbolRequired)]
    [InlineData("AAPL", 0, OrderType.Market, null, RiskReasonCodes.OrderQuantityNotPositive)]
    [InlineData("AAPL", 1, OrderType.Limit, null, RiskReasonCodes.OrderLimitPriceRequired)]
    [InlineData("AAPL", 1, OrderType.Limit, 0.0, RiskReasonCodes.OrderLimitPriceRequired)]
    public void ProposedOrder_WhenMalformed_Throws(string symbol, decimal quantity, OrderType type, double? limit, string code)
    {
        var ex = Assert.Throws<DomainException>(() => new ProposedOrder(symbol, OrderSide.Buy, quantity, type, (decimal?)limit));

        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void ProposedOrder_NormalizesSymbol()
    {
        var order = new ProposedOrder(" aapl ", OrderSide.Buy, 1);

        Assert.Equal("AAPL", order.Symbol);
    }
}
