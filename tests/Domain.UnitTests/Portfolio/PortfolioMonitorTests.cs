using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;
using static RiskPlatform.Domain.UnitTests.Portfolio.PortfolioTestData;

namespace RiskPlatform.Domain.UnitTests.Portfolio;

public sealed class PortfolioMonitorTests
{
    private static readonly PositionSnapshot[] TwoPositions = [Long("AAPL", 100, 90m, entry: 100m), Short("MSFT", 50, 100m)];

    [Fact]
    public void Evaluate_DrawdownBreachWithCloseAll_HaltsCancelsAllAndFlattensEveryPosition()
    {
        var state = State(100_000m);
        state.Mark(85_000m, Now);
        var rule = Rule(RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.CloseAll);
        var snapshot = SnapshotOf(state, TwoPositions);

        var decision = PortfolioMonitor.Evaluate(snapshot, state, [rule], [], Now);

        var opened = Assert.Single(decision.Opened);
        var episode = opened.Episode;
        Assert.Equal((rule.Id, (string?)null, 15m, 10m, RiskAction.CloseAll), (episode.RuleId, episode.Symbol, episode.WorstObserved, episode.Limit, episode.Action));
        Assert.StartsWith(RiskReasonCodes.MaxDrawdownExceeded, opened.Reason, StringComparison.Ordinal);
        Assert.Equal([new CancelOrdersInstruction(episode.Id, null)], decision.Cancellations);
        Assert.Equal(
            [
                new LiquidationInstruction(episode.Id, "AAPL", OrderSide.Sell, 100m, $"mon-{episode.Id:N}-AAPL"),
                new LiquidationInstruction(episode.Id, "MSFT", OrderSide.Buy, 50m, $"mon-{episode.Id:N}-MSFT"),
            ],
            decision.Liquidations);
        Assert.Equal(new TradingStateTransition(TradingState.Halted, opened.Reason, episode.Id), decision.Transition);

        decision.Apply(state, Now);

        Assert.Equal(TradingState.Halted, state.TradingState);
        Assert.Equal(Now, episode.ActionTakenAt);
    }

    [Fact]
    public void Evaluate_SecondTickWithTheSameSnapshot_DecidesNothing()
    {
        var state = State(100_000m);
        state.Mark(85_000m, Now);
        var rule = Rule(RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.CloseAll);
        var snapshot = SnapshotOf(state, TwoPositions);
        var first = PortfolioMonitor.Evaluate(snapshot, state, [rule], [], Now);
        first.Apply(state, Now);

        var second = PortfolioMonitor.Evaluate(snapshot, state, [rule], [first.Opened[0].Episode], Now.AddSeconds(1));

        Assert.True(second.IsEmpty);
        Assert.Same(MonitorDecision.None, second);
    }

    [Theory]
    [InlineData(11.0, false, true)] // worse: worst value rises
    [InlineData(10.0, false, false)] // exactly at the limit: inside, but not by the margin
    [InlineData(9.6, false, false)] // inside by less than 5 % of the limit
    [InlineData(9.5, true, false)] // inside by exactly the margin
    [InlineData(2.0, true, false)]
    public void Evaluate_OpenDrawdownEpisode_EndsOnlyWhenBackInsideByTheMargin(double drawdownPercent, bool expectClosed, bool expectUpdated)
    {
        var rule = Rule(RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.Alert);
        var episode = BreachEpisode.Open(rule, null, 10.5m, 10m, Now.AddMinutes(-5));
        var state = State(100_000m);
        var equity = 100_000m * (1m - ((decimal)drawdownPercent / 100m));
        state.Mark(equity, Now);

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state), state, [rule], [episode], Now);

        Assert.Empty(decision.Opened);
        Assert.Equal(expectClosed, decision.Closed.Count == 1);
        Assert.Equal(expectUpdated, decision.Updated.Count == 1);
        decision.Apply(state, Now);
        Assert.Equal(expectClosed, !episode.IsOpen);
        if (expectClosed)
        {
            Assert.Equal((EpisodeEndReason.BackInsideMargin, Now), (episode.EndReason!.Value, episode.EndedAt!.Value));
        }

        Assert.Equal(expectUpdated ? 11m : 10.5m, episode.WorstObserved);
    }

    [Fact]
    public void Evaluate_EpisodeWithCustomMargin_UsesIt()
    {
        var rule = Rule(RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.Alert);
        var episode = BreachEpisode.Open(rule, null, 10.5m, 10m, Now.AddMinutes(-5));
        var state = State(100_000m);
        state.Mark(90_500m, Now);

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state), state, [rule], [episode], Now, new MonitorOptions { ExitMarginFraction = 0.10m });

        Assert.Empty(decision.Closed);
    }

    [Fact]
    public void Evaluate_DailyLossBlock_EntersReducingUntilTheNextDayStart()
    {
        var state = State(100_000m);
        state.Mark(97_500m, Now);
        var rule = Rule(RiskRuleType.MaxDailyLoss, 2_000m, ThresholdUnit.Dollars, RiskAction.Block);

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state), state, [rule], [], Now);
        decision.Apply(state, Now);

        var opened = Assert.Single(decision.Opened);
        Assert.Empty(decision.Liquidations);
        Assert.Empty(decision.Cancellations);
        Assert.Equal(TradingState.Reducing, decision.Transition!.To);
        Assert.Equal(TradingState.Reducing, state.TradingState);
        Assert.Equal(state.NextDayStart, state.ReducingUntil);

        // Next trading day: the state returns to active on the first mark and the episode ends with the window.
        var nextDay = state.NextDayStart.AddMinutes(1);
        state.Mark(97_400m, nextDay);
        var next = PortfolioMonitor.Evaluate(SnapshotOf(state), state, [rule], [opened.Episode], nextDay);

        Assert.Equal(TradingState.Active, state.TradingState);
        Assert.Equal(97_500m, state.DayStartEquity);
        var closure = Assert.Single(next.Closed);
        Assert.Equal((EpisodeEndReason.WindowReset, state.CurrentDayStart), (closure.Reason, closure.EndedAt));
        Assert.Empty(next.Opened);
    }

    [Fact]
    public void Evaluate_DailyLossStillBreachedOnTheNewDay_EndsTheOldEpisodeAndOpensANewOne()
    {
        var state = State(100_000m);
        var rule = Rule(RiskRuleType.MaxDailyLoss, 2_000m, ThresholdUnit.Dollars, RiskAction.Alert);
        var old = BreachEpisode.Open(rule, null, 2_500m, 2_000m, Now);
        state.Mark(97_500m, Now);
        var nextDay = state.NextDayStart.AddMinutes(1);
        state.Mark(95_000m, nextDay);

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state), state, [rule], [old], nextDay);

        Assert.Equal(EpisodeEndReason.WindowReset, Assert.Single(decision.Closed).Reason);
        Assert.Equal(2_500m, Assert.Single(decision.Opened).Episode.FirstObserved);
    }

    [Fact]
    public void Evaluate_PositionSizeBreachWithClosePosition_CancelsAndFlattensThatSymbolOnly()
    {
        var state = State(100_000m);
        var rule = Rule(RiskRuleType.MaxPositionSize, 10_000m, ThresholdUnit.Dollars, RiskAction.ClosePosition);
        var snapshot = SnapshotOf(state, [Long("AAPL", 200), Long("MSFT", 50)]);

        var decision = PortfolioMonitor.Evaluate(snapshot, state, [rule], [], Now);

        var episode = Assert.Single(decision.Opened).Episode;
        Assert.Equal("AAPL", episode.Symbol);
        Assert.Equal([new CancelOrdersInstruction(episode.Id, "AAPL")], decision.Cancellations);
        Assert.Equal([new LiquidationInstruction(episode.Id, "AAPL", OrderSide.Sell, 200m, $"mon-{episode.Id:N}-AAPL")], decision.Liquidations);
        Assert.Null(decision.Transition);
    }

    [Theory]
    [InlineData(RiskRuleType.MaxLeverage, 0.1, ThresholdUnit.Ratio)]
    [InlineData(RiskRuleType.MaxConcentration, 10, ThresholdUnit.Percent)]
    [InlineData(RiskRuleType.MaxDrawdown, 5, ThresholdUnit.Percent)]
    public void Evaluate_AlertBreach_OpensAnEpisodeOnly(RiskRuleType type, double threshold, ThresholdUnit unit)
    {
        var state = State(100_000m);
        state.Mark(90_000m, Now);
        var rule = Rule(type, (decimal)threshold, unit, RiskAction.Alert);

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state, [Long("AAPL", 200)]), state, [rule], [], Now);

        Assert.Single(decision.Opened);
        Assert.Empty(decision.Cancellations);
        Assert.Empty(decision.Liquidations);
        Assert.Null(decision.Transition);
    }

    [Fact]
    public void Evaluate_StopLossAndTakeProfit_ArePerPosition()
    {
        var state = State(100_000m);
        var stopLoss = Rule(RiskRuleType.StopLoss, 5m, ThresholdUnit.Percent, RiskAction.ClosePosition);
        var takeProfit = Rule(RiskRuleType.TakeProfit, 10m, ThresholdUnit.Percent, RiskAction.Alert);
        PositionSnapshot[] positions =
        [
            Long("AAPL", 10, 94m, entry: 100m), // adverse 6 %
            Long("MSFT", 10, 97m, entry: 100m), // adverse 3 %
            Short("TSLA", 5, 106m, entry: 100m), // adverse 6 % on a short
            Long("GOOG", 10, 111m, entry: 100m), // favourable 11 %
        ];

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state, positions), state, [stopLoss, takeProfit], [], Now);

        Assert.Equal(
            [(RiskRuleType.StopLoss, "AAPL"), (RiskRuleType.StopLoss, "TSLA"), (RiskRuleType.TakeProfit, "GOOG")],
            decision.Opened.Select(o => (o.Episode.RuleType, o.Episode.Symbol!)).ToArray());
        Assert.Equal(
            [("AAPL", OrderSide.Sell, 10m), ("TSLA", OrderSide.Buy, 5m)],
            decision.Liquidations.Select(l => (l.Symbol, l.Side, l.Quantity)).ToArray());
        Assert.Equal(["AAPL", "TSLA"], decision.Cancellations.Select(c => c.Symbol!).ToArray());
    }

    [Fact]
    public void Evaluate_CloseAllAndClosePositionInOneTick_LiquidateEachSymbolOnceUnderTheCloseAll()
    {
        var state = State(100_000m);
        state.Mark(85_000m, Now);
        var drawdown = Rule(RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.CloseAll);
        var size = Rule(RiskRuleType.MaxPositionSize, 5_000m, ThresholdUnit.Dollars, RiskAction.ClosePosition);

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state, [Long("AAPL", 100)]), state, [size, drawdown], [], Now);

        Assert.Equal(2, decision.Opened.Count);
        var closeAll = decision.Opened.Single(o => o.Rule == drawdown).Episode;
        Assert.Equal([new CancelOrdersInstruction(closeAll.Id, null)], decision.Cancellations);
        Assert.Equal(closeAll.Id, Assert.Single(decision.Liquidations).EpisodeId);
        decision.Apply(state, Now);
        Assert.All(decision.Opened, o => Assert.Equal(Now, o.Episode.ActionTakenAt));
    }

    [Fact]
    public void Evaluate_AccountLevelClosePosition_FlattensTheLargestPosition()
    {
        var state = State(100_000m);
        state.Mark(85_000m, Now);
        var rule = Rule(RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.ClosePosition);

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state, [Long("AAPL", 10), Short("MSFT", 30), Long("GOOG", 20)]), state, [rule], [], Now);

        var liquidation = Assert.Single(decision.Liquidations);
        Assert.Equal(("MSFT", OrderSide.Buy, 30m), (liquidation.Symbol, liquidation.Side, liquidation.Quantity));
        Assert.Null(decision.Transition);
    }

    [Fact]
    public void Evaluate_PerSymbolEpisodeWhosePositionIsFlat_EndsAsPositionClosed()
    {
        var state = State(100_000m);
        var rule = Rule(RiskRuleType.StopLoss, 5m, ThresholdUnit.Percent, RiskAction.ClosePosition);
        var episode = BreachEpisode.Open(rule, "AAPL", 6m, 5m, Now.AddMinutes(-1));

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state, [Long("MSFT", 10)]), state, [rule], [episode], Now);

        Assert.Equal(EpisodeEndReason.PositionClosed, Assert.Single(decision.Closed).Reason);
        Assert.Empty(decision.Liquidations);
    }

    [Fact]
    public void Evaluate_EpisodeOfADeactivatedRule_EndsAsRuleInactive()
    {
        var state = State(100_000m);
        state.Mark(85_000m, Now);
        var rule = Rule(RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.CloseAll, isActive: false);
        var episode = BreachEpisode.Open(rule, null, 15m, 10m, Now.AddMinutes(-1));

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state), state, [rule], [episode], Now);

        Assert.Equal(EpisodeEndReason.RuleInactive, Assert.Single(decision.Closed).Reason);
        Assert.Empty(decision.Opened);
    }

    [Fact]
    public void Evaluate_ManyOpenEpisodes_MatchesEachByRuleAndSymbol()
    {
        var state = State(100_000m);
        var rule = Rule(RiskRuleType.StopLoss, 5m, ThresholdUnit.Percent, RiskAction.ClosePosition);
        var positions = Enumerable.Range(0, 20).Select(i => Long($"S{i:D2}", 10, 90m, entry: 100m)).ToArray();
        var episodes = positions.Select(p => BreachEpisode.Open(rule, p.Symbol, 10m, 5m, Now.AddMinutes(-1))).ToArray();

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state, positions), state, [rule], episodes, Now);

        Assert.True(decision.IsEmpty);
    }

    [Fact]
    public void ClientOrderIdFor_IsDeterministicPerEpisodeAndSymbol()
    {
        var rule = Rule(RiskRuleType.StopLoss, 5m, ThresholdUnit.Percent, RiskAction.ClosePosition);
        var episode = BreachEpisode.Open(rule, "aapl", 6m, 5m, Now);

        Assert.Equal($"mon-{episode.Id:N}-AAPL", episode.ClientOrderIdFor("aapl"));
        Assert.Equal(episode.ClientOrderIdFor("AAPL"), BreachEpisode.ClientOrderIdFor(episode.Id, "AAPL"));
        Assert.True(episode.ClientOrderIdFor(new string('X', 32)).Length <= PaperOrder.ClientOrderIdMaxLength);
    }

    [Fact]
    public void BreachEpisode_End_IsIdempotentAndObserveIgnoredAfterwards()
    {
        var rule = Rule(RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.Alert);
        var episode = BreachEpisode.Open(rule, null, 11m, 10m, Now);

        Assert.True(episode.End(EpisodeEndReason.BackInsideMargin, Now.AddMinutes(1)));
        Assert.False(episode.End(EpisodeEndReason.WindowReset, Now.AddMinutes(2)));
        Assert.False(episode.Observe(20m, Now.AddMinutes(3)));

        Assert.Equal((EpisodeEndReason.BackInsideMargin, Now.AddMinutes(1), 11m), (episode.EndReason!.Value, episode.EndedAt!.Value, episode.WorstObserved));
    }
    [Theory]
    [InlineData(94.0, false, false)] // adverse 6 %: still breached, not worse than the recorded 7 %
    [InlineData(95.0, false, false)] // adverse 5 %: at the threshold (a trigger: still breached)
    [InlineData(95.2, false, false)] // adverse 4.8 %: inside, but by less than the margin
    [InlineData(95.25, true, false)] // adverse 4.75 %: inside by exactly the margin
    [InlineData(101.0, true, false)] // in profit
    [InlineData(92.0, false, true)] // adverse 8 %: worse
    public void Evaluate_OpenStopLossEpisode_EndsOnlyWhenBackInsideByTheMargin(double price, bool expectClosed, bool expectUpdated)
    {
        var state = State(100_000m);
        var rule = Rule(RiskRuleType.StopLoss, 5m, ThresholdUnit.Percent, RiskAction.ClosePosition);
        var episode = BreachEpisode.Open(rule, "AAPL", 7m, 5m, Now.AddMinutes(-1));

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state, [Long("AAPL", 10, (decimal)price, entry: 100m)]), state, [rule], [episode], Now);

        Assert.Empty(decision.Opened);
        Assert.Empty(decision.Liquidations);
        Assert.Equal(expectClosed, decision.Closed.Count == 1);
        if (expectClosed)
        {
            Assert.Equal(EpisodeEndReason.BackInsideMargin, decision.Closed[0].Reason);
        }

        Assert.Equal(expectUpdated, decision.Updated.Count == 1);
    }

    [Fact]
    public void Evaluate_WithoutExitMargin_StopLossExactlyAtTheThresholdStillTriggers()
    {
        var state = State(100_000m);
        var rule = Rule(RiskRuleType.StopLoss, 5m, ThresholdUnit.Percent, RiskAction.Alert);

        var decision = PortfolioMonitor.Evaluate(
            SnapshotOf(state, [Long("AAPL", 10, 95m, entry: 100m)]), state, [rule], [], Now, new MonitorOptions { ExitMarginFraction = 0m });

        Assert.Equal(5m, Assert.Single(decision.Opened).Episode.FirstObserved);
    }

    [Fact]
    public void Evaluate_DailyLossEpisodeRecoveredOnTheNewDay_EndsAsWindowReset()
    {
        var state = State(100_000m);
        var rule = Rule(RiskRuleType.MaxDailyLoss, 2_000m, ThresholdUnit.Dollars, RiskAction.Alert);
        var old = BreachEpisode.Open(rule, null, 2_500m, 2_000m, Now);
        state.Mark(97_500m, Now);
        var nextDay = state.NextDayStart.AddMinutes(1);
        state.Mark(97_600m, nextDay);

        var decision = PortfolioMonitor.Evaluate(SnapshotOf(state), state, [rule], [old], nextDay);

        Assert.Equal((EpisodeEndReason.WindowReset, state.CurrentDayStart), (decision.Closed[0].Reason, decision.Closed[0].EndedAt));
        Assert.Empty(decision.Opened);
    }
}
