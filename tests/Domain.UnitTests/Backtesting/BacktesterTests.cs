using RiskPlatform.Domain.Backtesting;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Domain.UnitTests.Backtesting;

/// <summary>
/// The backtester on small hand-computed replays: every figure below is worked out in the comments from the bars, the fill rules
/// (market at the open, resting limits at their limit) and the monitor's two looks a day.
/// </summary>
public sealed class BacktesterTests
{
    private static readonly Guid UserId = Guid.CreateVersion7();
    private static readonly DateOnly D1 = new(2025, 3, 3);
    private static readonly DateOnly D2 = new(2025, 3, 4);
    private static readonly DateOnly D3 = new(2025, 3, 5);
    private static readonly DateOnly D4 = new(2025, 3, 6);

    /// <summary>AAPL: 100 flat, then a close at 90 on D2, 85 on D3, 88 on D4. MSFT flat at 50 every day.</summary>
    private static BacktestMarket Market(bool gapDownOnD2 = false) => new(new Dictionary<string, IReadOnlyList<DailyBar>>
    {
        ["AAPL"] =
        [
            new(D1, 100m, 101m, 99m, 100m),
            gapDownOnD2 ? new(D2, 90m, 91m, 89m, 90m) : new(D2, 100m, 100m, 89m, 90m),
            new(D3, 90m, 92m, 80m, 85m),
            new(D4, 85m, 89m, 84m, 88m),
        ],
        ["MSFT"] = [new(D1, 50m, 50m, 50m, 50m), new(D2, 50m, 50m, 50m, 50m), new(D3, 50m, 50m, 50m, 50m), new(D4, 50m, 50m, 50m, 50m)],
    });

    [Fact]
    public void StopLoss_LiquidatesAtTheCloseThatBreachesIt_AndTheCurvesDiffer()
    {
        // Buy 100 at the D1 open (100): cash 90,000. D2 close 90: adverse move 10 % ≥ 5 % → flatten at 90: cash 99,000.
        var rules = new[] { Rule(RiskRuleType.StopLoss, 5m, ThresholdUnit.Percent, RiskAction.ClosePosition) };
        var result = Run(rules, [Order(0, D1, "AAPL", OrderSide.Buy, 100m)]);

        Assert.Equal([D1, D2, D3, D4], result.Days);
        var order = Assert.Single(result.WithRules.Orders);
        Assert.Equal((BacktestOrderStatus.Filled, 100m, 100m), (order.Status, order.FilledQuantity, order.FillPrice!.Value));

        var liquidation = Assert.Single(result.WithRules.MonitorEvents);
        Assert.Equal((D2, BacktestTick.Close, 0, "AAPL", RiskAction.ClosePosition), (liquidation.Date, liquidation.Tick, liquidation.RuleIndex, liquidation.Symbol, liquidation.Action));
        Assert.Equal(new BacktestFill("AAPL", OrderSide.Sell, 100m, 90m), Assert.Single(liquidation.Liquidations));

        // With the rule: 100,000 / 99,000 / 99,000 / 99,000. Without: 100,000 / 99,000 / 98,500 / 98,800.
        Assert.Equal([100_000m, 99_000m, 99_000m, 99_000m], result.WithRules.Curve.Select(p => p.Equity));
        Assert.Equal([100_000m, 99_000m, 98_500m, 98_800m], result.WithoutRules.Curve.Select(p => p.Equity));
        Assert.Equal((99_000m, 1m), (result.WithRules.FinalEquity, result.WithRules.MaxDrawdownPercent));
        Assert.Equal((98_800m, 1.5m), (result.WithoutRules.FinalEquity, result.WithoutRules.MaxDrawdownPercent));
        Assert.Equal(new BacktestDay(D2, -1_000m, -1m), result.WithRules.WorstDay);
        Assert.Equal(new BacktestDay(D2, -1_000m, -1m), result.WithoutRules.WorstDay);
        Assert.Empty(result.WithoutRules.MonitorEvents);

        var summary = Assert.Single(result.Rules);
        Assert.Equal((0, 1, D2, D2), (summary.PreTradeHits, summary.MonitorHits, summary.FirstHit, summary.LastHit));
    }

    [Fact]
    public void PreTradeRules_ReduceAndBlock_AsTheEngineDecides_WhileTheRunWithoutRulesFillsEverything()
    {
        // 20 × 100 = 2,000 > 1,550 dollars → reduced to 15 shares; MSFT is restricted → blocked.
        var rules = new[]
        {
            Rule(RiskRuleType.MaxPositionSize, 1_550m, ThresholdUnit.Dollars, RiskAction.ReduceSize),
            Rule(RiskRuleType.RestrictedSymbols, 1m, ThresholdUnit.Count, RiskAction.Block, symbols: ["MSFT"]),
        };
        var result = Run(rules, [Order(0, D1, "AAPL", OrderSide.Buy, 20m), Order(1, D1, "MSFT", OrderSide.Buy, 10m)]);

        var (aapl, msft) = (result.WithRules.Orders[0], result.WithRules.Orders[1]);
        Assert.Equal((RiskDecisionOutcome.Reduced, 15m, 15m, BacktestOrderStatus.Filled), (aapl.Decision, aapl.ApprovedQuantity, aapl.FilledQuantity, aapl.Status));
        Assert.Equal(0, Assert.Single(aapl.Breaches).RuleIndex);
        Assert.Equal((RiskDecisionOutcome.Blocked, BacktestOrderStatus.Blocked), (msft.Decision, msft.Status));
        Assert.StartsWith("SYMBOL_RESTRICTED", Assert.Single(msft.Breaches).Reason, StringComparison.Ordinal);
        Assert.All(result.WithoutRules.Orders, o => Assert.Equal((RiskDecisionOutcome.Accepted, BacktestOrderStatus.Filled), (o.Decision, o.Status)));
        Assert.Equal([1, 1], result.Rules.Select(r => r.PreTradeHits));

        // D4 close: with the rules 15 AAPL at 88 and cash 98,500 (99,820); without, 20 AAPL at 88 and 10 MSFT at 50 and cash 97,500 (99,760).
        Assert.Equal(98_500m + (15m * 88m), result.WithRules.FinalEquity);
        Assert.Equal(100_000m - 2_000m - 500m + (20m * 88m) + (10m * 50m), result.WithoutRules.FinalEquity);
    }

    [Fact]
    public void LimitOrders_FillAtTheirLimitWhenTheDaysRangeReachesIt_ElseExpire()
    {
        // D2: open 100, low 89. A buy limit at 95 rests at the open and fills at 95; one at 80 never fills and expires.
        var result = Run([], [Order(0, D2, "AAPL", OrderSide.Buy, 10m, limit: 95m), Order(1, D2, "AAPL", OrderSide.Buy, 10m, limit: 80m)]);

        var (filled, expired) = (result.WithRules.Orders[0], result.WithRules.Orders[1]);
        Assert.Equal((BacktestOrderStatus.Filled, 10m, 95m), (filled.Status, filled.FilledQuantity, filled.FillPrice!.Value));
        Assert.Equal((BacktestOrderStatus.Expired, 0m), (expired.Status, expired.FilledQuantity));
        Assert.Equal(100_000m - 950m + (10m * 88m), result.WithRules.FinalEquity);
    }

    [Fact]
    public void AnOrderOnADayWithoutABarForItsSymbol_IsBlockedFailClosed_InBothRuns()
    {
        var market = new BacktestMarket(new Dictionary<string, IReadOnlyList<DailyBar>>
        {
            ["AAPL"] = [new(D1, 100m, 100m, 100m, 100m)],
            ["MSFT"] = [new(D1, 50m, 50m, 50m, 50m), new(D2, 50m, 50m, 50m, 50m)],
        });
        var result = Backtester.Run(new BacktestInput(UserId, D1, D2, 100_000m, [Order(0, D2, "AAPL", OrderSide.Buy, 1m)], [], market));

        Assert.Equal((BacktestOrderStatus.Blocked, RiskReasonCodes.QuoteUnavailable), (result.WithRules.Orders[0].Status, result.WithRules.Orders[0].FailureCode));
        Assert.Equal(BacktestOrderStatus.Blocked, result.WithoutRules.Orders[0].Status);
    }

    [Fact]
    public void CloseAll_HaltsForTheRestOfTheRun_AndLaterOrdersAreRefused()
    {
        // D2 close: 99,000 against a 100,000 high-water mark is a 1 % drawdown > 0.5 % → halt and flatten at 90.
        var rules = new[] { Rule(RiskRuleType.MaxDrawdown, 0.5m, ThresholdUnit.Percent, RiskAction.CloseAll) };
        var result = Run(rules, [Order(0, D1, "AAPL", OrderSide.Buy, 100m), Order(1, D3, "MSFT", OrderSide.Buy, 1m)]);

        var halt = Assert.Single(result.WithRules.MonitorEvents);
        Assert.Equal((D2, BacktestTick.Close, TradingState.Halted), (halt.Date, halt.Tick, halt.TradingState));
        Assert.Equal(new BacktestFill("AAPL", OrderSide.Sell, 100m, 90m), Assert.Single(halt.Liquidations));
        var refused = result.WithRules.Orders[1];
        Assert.Equal((BacktestOrderStatus.Refused, PortfolioErrors.TradingHalted), (refused.Status, refused.FailureCode));
        Assert.Null(refused.Decision);
        Assert.Equal(TradingState.Halted, result.WithRules.FinalTradingState);
        Assert.Equal(BacktestOrderStatus.Filled, result.WithoutRules.Orders[1].Status);
    }

    [Fact]
    public void DailyLossBlock_EntersReducingAtTheOpen_RefusesAddingOrdersThatDay_AndEndsTheNextDay()
    {
        // AAPL gaps to 90 at the D2 open: the day started at 100,000 (D1's close) and is now 99,000, a 1,000 loss > 500 → reducing.
        var rules = new[] { Rule(RiskRuleType.MaxDailyLoss, 500m, ThresholdUnit.Dollars, RiskAction.Block) };
        var result = Run(
            rules,
            [
                Order(0, D1, "AAPL", OrderSide.Buy, 100m),
                Order(1, D2, "MSFT", OrderSide.Buy, 1m),
                Order(2, D2, "AAPL", OrderSide.Sell, 50m),
                Order(3, D3, "MSFT", OrderSide.Buy, 1m),
            ],
            Market(gapDownOnD2: true));

        var reducing = Assert.Single(result.WithRules.MonitorEvents);
        Assert.Equal((D2, BacktestTick.Open, TradingState.Reducing), (reducing.Date, reducing.Tick, reducing.TradingState));
        Assert.Equal((BacktestOrderStatus.Refused, PortfolioErrors.TradingReducing), (result.WithRules.Orders[1].Status, result.WithRules.Orders[1].FailureCode));
        Assert.Equal(BacktestOrderStatus.Filled, result.WithRules.Orders[2].Status);
        Assert.Equal(BacktestOrderStatus.Filled, result.WithRules.Orders[3].Status);
        Assert.Equal(TradingState.Active, result.WithRules.FinalTradingState);
    }

    [Fact]
    public void SectorLimit_InABacktest_UsesTheMarketsSectors()
    {
        // Technology: 200 AAPL at 100 = 20,000, then 200 MSFT at 50 would make 30,000 = 30 % > 25 %: room for 5,000 / 50 = 100.
        var market = new BacktestMarket(
            new Dictionary<string, IReadOnlyList<DailyBar>>
            {
                ["AAPL"] = [new(D1, 100m, 100m, 100m, 100m)],
                ["MSFT"] = [new(D1, 50m, 50m, 50m, 50m)],
            },
            new Dictionary<string, string?> { ["AAPL"] = "Technology", ["MSFT"] = "technology" });
        var rules = new[] { Rule(RiskRuleType.SectorLimit, 25m, ThresholdUnit.Percent, RiskAction.ReduceSize) };

        var result = Backtester.Run(new BacktestInput(
            UserId, D1, D1, 100_000m, [Order(0, D1, "AAPL", OrderSide.Buy, 200m), Order(1, D1, "MSFT", OrderSide.Buy, 200m)], rules, market));

        Assert.Equal([200m, 100m], result.WithRules.Orders.Select(o => o.FilledQuantity));
        Assert.StartsWith("SECTOR_LIMIT_EXCEEDED: sector=technology", Assert.Single(result.WithRules.Orders[1].Breaches).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameInput_GivesTheSameResult()
    {
        var rules = new[]
        {
            Rule(RiskRuleType.StopLoss, 5m, ThresholdUnit.Percent, RiskAction.ClosePosition),
            Rule(RiskRuleType.MaxPositionSize, 5_000m, ThresholdUnit.Dollars, RiskAction.ReduceSize),
        };
        IReadOnlyList<BacktestOrder> orders = [Order(0, D1, "AAPL", OrderSide.Buy, 100m), Order(1, D2, "MSFT", OrderSide.Buy, 30m, limit: 50m)];

        var first = Describe(Run(rules, orders));
        var second = Describe(Run(rules, orders));

        Assert.Equal(first, second);
    }

    private static string Describe(BacktestResult result) => string.Join(
        "\n",
        result.WithRules.Orders.Select(o => $"{o.Order.Index} {o.Decision} {o.Status} {o.FilledQuantity} {o.FillPrice} {string.Join(",", o.Breaches.Select(b => b.Reason))}")
            .Concat(result.WithRules.MonitorEvents.Select(e => $"{e.Date} {e.Tick} {e.RuleIndex} {e.Symbol} {e.Reason} {string.Join(",", e.Liquidations)}"))
            .Concat(result.WithRules.Curve.Select(p => $"{p.Date} {p.Equity} {p.DrawdownPercent}"))
            .Concat(result.WithoutRules.Curve.Select(p => $"{p.Date} {p.Equity} {p.DrawdownPercent}")));

    private static BacktestResult Run(IReadOnlyList<RiskRule> rules, IReadOnlyList<BacktestOrder> orders, BacktestMarket? market = null) =>
        Backtester.Run(new BacktestInput(UserId, D1, D4, 100_000m, orders, rules, market ?? Market()));

    private static BacktestOrder Order(int index, DateOnly date, string symbol, OrderSide side, decimal quantity, decimal? limit = null) =>
        new(index, date, symbol, side, quantity, limit is null ? OrderType.Market : OrderType.Limit, limit);

    private static RiskRule Rule(RiskRuleType type, decimal threshold, ThresholdUnit unit, RiskAction action, string[]? symbols = null) =>
        RiskRule.Create(UserId, $"{type}", null, type, threshold, unit, action, isActive: true, symbols: symbols);
}
