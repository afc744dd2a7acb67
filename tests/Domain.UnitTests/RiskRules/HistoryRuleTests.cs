using RiskPlatform.Domain.Analytics;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using static RiskPlatform.Domain.UnitTests.RiskRules.RiskScenario;

namespace RiskPlatform.Domain.UnitTests.RiskRules;

/// <summary>
/// max_correlation and sector_limit, pre-trade and in the monitor, on fixed series: each correlation is checked against Pearson's
/// formula computed here over the same returns, each sector figure by hand.
/// </summary>
public sealed class HistoryRuleTests
{
    /// <summary>Returns whose sign pattern repeats every 7 days, so nothing is constant and every window is different.</summary>
    private static readonly double[] BaseReturns = [.. Enumerable.Range(0, 90).Select(t => 0.01 * Math.Sin((t * 1.7) + 0.3))];

    [Fact]
    public void Correlation_EqualsPearsonOverTheSameReturns_OnAlignedAndOnGappedSeries()
    {
        var a = Series(t => BaseReturns[t]);
        var b = Series(t => (0.5 * BaseReturns[t]) + (0.004 * Math.Cos(t * 2.9)));

        var aligned = DailyCloses.Correlate(new DailyCloses(a), new DailyCloses(b), 60, 20);
        Assert.Equal(60, aligned.Returns);
        Assert.Equal(Pearson(ReturnsOf(a.TakeLast(61)), ReturnsOf(b.TakeLast(61))), aligned.Correlation!.Value, 12);

        // Drop every fifth date from b: the common dates are the other four in five, and the returns are between them.
        var gapped = Series(t => (0.5 * BaseReturns[t]) + (0.004 * Math.Cos(t * 2.9)), skipEvery: 5);
        var pair = DailyCloses.Correlate(new DailyCloses(a), new DailyCloses(gapped), 30, 20);
        var dates = gapped.Select(c => c.Date).ToHashSet();
        var commonA = a.Where(c => dates.Contains(c.Date)).TakeLast(31).ToList();
        var commonB = gapped.TakeLast(31).ToList();
        Assert.Equal(commonA.Select(c => c.Date), commonB.Select(c => c.Date));
        Assert.Equal(30, pair.Returns);
        Assert.Equal(Pearson(ReturnsOf(commonA), ReturnsOf(commonB)), pair.Correlation!.Value, 12);
        Assert.Equal(ReturnStatistics.Correlation(ReturnsOf(commonA), ReturnsOf(commonB)), pair.Correlation!.Value, 12);

        // A view before a date is the series cut there.
        var before = new DailyCloses(a).Before(a[^10].Date);
        Assert.Equal((a.Count - 10, a[^11].Date), (before.Count, before.LastDate!.Value));
    }

    [Fact]
    public void MaxCorrelation_BlocksABuyCorrelatedWithALongPosition_AndPassesAHedge()
    {
        var data = Data(("AAPL", t => BaseReturns[t]), ("MSFT", t => 2 * BaseReturns[t]), ("GOOG", t => -BaseReturns[t]));
        var rule = Rule(RiskRuleType.MaxCorrelation, 0.9m, ThresholdUnit.Ratio, RiskAction.Block);

        // Long MSFT (ρ = 1 with AAPL): buying AAPL adds correlated exposure.
        var blocked = Evaluate(With(data, Long("MSFT", 10)), Buy(5), rule);
        Assert.Equal(RiskDecisionOutcome.Blocked, blocked.Outcome);
        var breach = Assert.Single(blocked.Breaches);
        Assert.Equal(1m, breach.Observed);
        Assert.StartsWith("MAX_CORRELATION_EXCEEDED: symbol=AAPL, with=MSFT, correlation=1.0000, limit=0.9000, returns=60", breach.Reason, StringComparison.Ordinal);

        // Long GOOG (ρ = −1): buying AAPL hedges it (−1); short GOOG: the same buy doubles the bet (+1).
        Assert.Equal(RiskDecisionOutcome.Accepted, Evaluate(With(data, Long("GOOG", 10)), Buy(5), rule).Outcome);
        Assert.Equal(RiskDecisionOutcome.Blocked, Evaluate(With(data, Short("GOOG", 10)), Buy(5), rule).Outcome);

        // Selling AAPL short while long MSFT is the hedge; selling down a long AAPL adds nothing.
        Assert.Equal(RiskDecisionOutcome.Accepted, Evaluate(With(data, Long("MSFT", 10)), Sell(5), rule).Outcome);
        var reducing = Evaluate(With(data, Long("MSFT", 10), Long("AAPL", 10)), Sell(5), rule);
        Assert.Equal((RiskDecisionOutcome.Accepted, 0m), (reducing.Outcome, reducing.Results.Single().Observed));

        // Nothing else held: nothing to correlate with.
        Assert.Equal(RiskDecisionOutcome.Accepted, Evaluate(With(data), Buy(5), rule).Outcome);
    }

    [Fact]
    public void MaxCorrelation_ObservesTheDirectPearsonValue_RoundedToSixDecimals_AndExactlyAtTheThresholdBreaches()
    {
        Func<int, double> msft = t => (0.5 * BaseReturns[t]) + (0.004 * Math.Cos(t * 2.9));
        var data = Data(("AAPL", t => BaseReturns[t]), ("MSFT", msft));
        var rho = Math.Round((decimal)Pearson(ReturnsOf(Series(t => BaseReturns[t]).TakeLast(61)), ReturnsOf(Series(msft).TakeLast(61))), 6);

        var at = Evaluate(With(data, Long("MSFT", 10)), Buy(1), Rule(RiskRuleType.MaxCorrelation, rho, ThresholdUnit.Ratio, RiskAction.Block));
        var above = Evaluate(With(data, Long("MSFT", 10)), Buy(1), Rule(RiskRuleType.MaxCorrelation, rho + 0.000001m, ThresholdUnit.Ratio, RiskAction.Block));

        Assert.Equal((RiskDecisionOutcome.Blocked, rho), (at.Outcome, at.Results.Single().Observed));
        Assert.Equal(RiskDecisionOutcome.Accepted, above.Outcome);
    }

    [Fact]
    public void MaxCorrelation_UsesOnlyTheLookbackWindow()
    {
        // The last 21 closes move together; before that, opposite. 20 returns: ρ = 1; 80 returns: far lower.
        var data = Data(("AAPL", t => BaseReturns[t]), ("MSFT", t => t >= 70 ? BaseReturns[t] : -BaseReturns[t]));
        var portfolio = With(data, Long("MSFT", 10));

        var shortWindow = Evaluate(portfolio, Buy(1), Rule(RiskRuleType.MaxCorrelation, 0.95m, ThresholdUnit.Ratio, RiskAction.Block, lookbackDays: 20));
        var longWindow = Evaluate(portfolio, Buy(1), Rule(RiskRuleType.MaxCorrelation, 0.95m, ThresholdUnit.Ratio, RiskAction.Block, lookbackDays: 80));

        Assert.Equal((RiskDecisionOutcome.Blocked, 1m), (shortWindow.Outcome, shortWindow.Results.Single().Observed));
        Assert.Equal(RiskDecisionOutcome.Accepted, longWindow.Outcome);
        Assert.True(longWindow.Results.Single().Observed < 0.5m);
    }

    [Theory]
    [InlineData(RiskAction.Block, true)]
    [InlineData(RiskAction.ClosePosition, true)]
    [InlineData(RiskAction.CloseAll, true)]
    [InlineData(RiskAction.Alert, false)]
    public void MaxCorrelation_WithTooLittleHistory_FailsClosedForBlockingActions(RiskAction action, bool breached)
    {
        // MSFT has 15 closes (14 returns) in common with AAPL: fewer than 20.
        var data = Data(("AAPL", t => BaseReturns[t]), ("MSFT", t => BaseReturns[t]), ("TSLA", t => BaseReturns[t]));
        var thin = new RuleMarketData(
            new Dictionary<string, DailyCloses> { ["AAPL"] = data.ClosesOf("AAPL")!, ["MSFT"] = new DailyCloses(Series(t => BaseReturns[t]).TakeLast(15)) },
            new Dictionary<string, string?>());

        var decision = Evaluate(With(thin, Long("MSFT", 10)), Buy(1), Rule(RiskRuleType.MaxCorrelation, 0.9m, ThresholdUnit.Ratio, action));
        var noHistoryAtAll = Evaluate(With(thin, Long("TSLA", 10)), Buy(1), Rule(RiskRuleType.MaxCorrelation, 0.9m, ThresholdUnit.Ratio, action));

        Assert.Equal(breached, decision.Results.Single().IsBreached);
        Assert.Equal(breached, noHistoryAtAll.Results.Single().IsBreached);
        if (breached)
        {
            Assert.Equal(RiskDecisionOutcome.Blocked, decision.Outcome);
            Assert.Equal(
                "INSUFFICIENT_HISTORY: symbol=AAPL, with=MSFT, returns=14, required=20, lookback_days=60",
                decision.Results.Single().Reason);
            Assert.Equal(1m, decision.Results.Single().Observed);
            Assert.StartsWith("INSUFFICIENT_HISTORY: symbol=AAPL, with=TSLA, returns=0", noHistoryAtAll.Results.Single().Reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(RiskDecisionOutcome.Accepted, decision.Outcome);
        }
    }

    [Fact]
    public void MaxCorrelation_MaxQuantity_AllowsOnlyReducingWhenAddingWouldBreach()
    {
        var data = Data(("AAPL", t => BaseReturns[t]), ("MSFT", t => BaseReturns[t]));
        var rule = Rule(RiskRuleType.MaxCorrelation, 0.9m, ThresholdUnit.Ratio, RiskAction.Block);

        var buy = RiskEngine.MaxQuantity(With(data, Long("MSFT", 10), Short("AAPL", 7)), [rule], "AAPL", OrderSide.Buy);
        var free = RiskEngine.MaxQuantity(With(data, Long("MSFT", 10)), [rule], "AAPL", OrderSide.Sell);

        Assert.Equal((7m, true), (buy.MaxQuantity!.Value, buy.LimitedByReduceOnly));
        Assert.Null(free.MaxQuantity);
    }

    [Fact]
    public void SectorLimit_CountsTheOrdersSectorIncludingTheOrder_AndReducesToWhatFits()
    {
        // Technology: 100 GOOG at 100 = 10,000 held; 200 AAPL more is 30,000 = 30 % of 100,000 > 25 %. Room: 25,000 − 10,000 → 150.
        var data = Sectors(("AAPL", "Technology"), ("GOOG", "technology"), ("MSFT", "Utilities"));
        var portfolio = With(data, Long("GOOG", 100), Long("MSFT", 500));

        var blocked = Evaluate(portfolio, Buy(200), Rule(RiskRuleType.SectorLimit, 25m, ThresholdUnit.Percent, RiskAction.Block));
        var reduced = Evaluate(portfolio, Buy(200), Rule(RiskRuleType.SectorLimit, 25m, ThresholdUnit.Percent, RiskAction.ReduceSize));
        var max = RiskEngine.MaxQuantity(portfolio, [Rule(RiskRuleType.SectorLimit, 25m, ThresholdUnit.Percent, RiskAction.Block)], "AAPL", OrderSide.Buy);

        Assert.Equal(RiskDecisionOutcome.Blocked, blocked.Outcome);
        Assert.Equal(30m, blocked.Breaches.Single().Observed);
        Assert.Equal("SECTOR_LIMIT_EXCEEDED: sector=Technology, symbol=AAPL, projected=30.00, limit=25.00", blocked.Breaches.Single().Reason);
        Assert.Equal((RiskDecisionOutcome.Reduced, 150m), (reduced.Outcome, reduced.ApprovedQuantity));
        Assert.Equal(150m, max.MaxQuantity);
    }

    [Fact]
    public void SectorLimit_PutsSymbolsWithoutASectorInUnclassified_AndHonoursItsSectorsAndSymbols()
    {
        var data = Sectors(("MSFT", "Utilities"));
        var portfolio = With(data, Long("GOOG", 100), Long("MSFT", 500));

        // AAPL and GOOG have no sector: unclassified, 10,000 + 20,000 = 30 %.
        var unclassified = Evaluate(portfolio, Buy(200), Rule(RiskRuleType.SectorLimit, 25m, ThresholdUnit.Percent, RiskAction.Block));
        var scopedAway = Evaluate(portfolio, Buy(200), Rule(RiskRuleType.SectorLimit, 25m, ThresholdUnit.Percent, RiskAction.Block, sectors: ["Utilities"]));
        var scopedIn = Evaluate(portfolio, Buy(200), Rule(RiskRuleType.SectorLimit, 25m, ThresholdUnit.Percent, RiskAction.Block, sectors: ["UNCLASSIFIED"]));
        var otherSymbol = Evaluate(portfolio, Buy(200), Rule(RiskRuleType.SectorLimit, 25m, ThresholdUnit.Percent, RiskAction.Block, symbols: ["MSFT"]));

        Assert.StartsWith("SECTOR_LIMIT_EXCEEDED: sector=unclassified", unclassified.Breaches.Single().Reason, StringComparison.Ordinal);
        Assert.Empty(scopedAway.Results);
        Assert.Equal(RiskDecisionOutcome.Blocked, scopedIn.Outcome);
        Assert.Empty(otherSymbol.Results);
    }

    [Fact]
    public void Monitor_SectorLimit_ObservesEachSectorOnItsLargestPosition_AndClosePositionFlattensIt()
    {
        // Technology: AAPL 200 × 100 + GOOG 100 × 100 = 30 % > 25 %; Utilities: 5 %.
        var data = Sectors(("AAPL", "Technology"), ("GOOG", "Technology"), ("MSFT", "Utilities"));
        var snapshot = With(data, Long("GOOG", 100), Long("AAPL", 200), Long("MSFT", 50));
        var rule = Rule(RiskRuleType.SectorLimit, 25m, ThresholdUnit.Percent, RiskAction.ClosePosition);

        var observations = RiskEngine.EvaluatePortfolio(snapshot, [rule]);
        var decision = PortfolioMonitor.Evaluate(snapshot, PortfolioState.Create(UserId, 100_000m, Now), [rule], [], Now);

        Assert.Equal([("AAPL", 30m, true), ("MSFT", 5m, false)], observations.Select(o => (o.Symbol, o.Observed, o.IsBreached)));
        Assert.Equal("SECTOR_LIMIT_EXCEEDED: sector=Technology, symbol=AAPL, exposure=30.00, limit=25.00", observations[0].Reason);
        var liquidation = Assert.Single(decision.Liquidations);
        Assert.Equal(("AAPL", OrderSide.Sell, 200m), (liquidation.Symbol, liquidation.Side, liquidation.Quantity));
    }

    [Fact]
    public void Monitor_MaxCorrelation_ObservesTheSmallerLegOfEachPair_AndSkipsPairsWithoutHistory()
    {
        var data = Data(("AAPL", t => BaseReturns[t]), ("MSFT", t => 3 * BaseReturns[t]), ("GOOG", t => -BaseReturns[t]));
        var thin = new RuleMarketData(
            new Dictionary<string, DailyCloses>
            {
                ["AAPL"] = data.ClosesOf("AAPL")!, ["MSFT"] = data.ClosesOf("MSFT")!, ["GOOG"] = data.ClosesOf("GOOG")!,
                ["TSLA"] = new DailyCloses(Series(t => BaseReturns[t]).TakeLast(10)),
            },
            new Dictionary<string, string?>());

        // AAPL (10,000) is the larger leg of AAPL–MSFT (5,000): MSFT is observed at ρ = 1. GOOG is long and anti-correlated with both
        // (−1); TSLA has 9 returns. close_position flattens MSFT only.
        var snapshot = With(thin, Long("AAPL", 100), Long("MSFT", 50), Long("GOOG", 20), Long("TSLA", 1));
        var rule = Rule(RiskRuleType.MaxCorrelation, 0.8m, ThresholdUnit.Ratio, RiskAction.ClosePosition);

        var observations = RiskEngine.EvaluatePortfolio(snapshot, [rule]);
        var decision = PortfolioMonitor.Evaluate(snapshot, PortfolioState.Create(UserId, 100_000m, Now), [rule], [], Now);

        Assert.Equal([("MSFT", 1m, true), ("GOOG", -1m, false)], observations.Select(o => (o.Symbol, o.Observed, o.IsBreached)));
        Assert.StartsWith("MAX_CORRELATION_EXCEEDED: symbol=MSFT, with=AAPL, correlation=1.0000", observations[0].Reason, StringComparison.Ordinal);
        Assert.Equal("MSFT", Assert.Single(decision.Liquidations).Symbol);
    }

    [Fact]
    public void WithoutMarketData_MaxCorrelationFailsClosed_AndSectorLimitSeesOneUnclassifiedSector()
    {
        var snapshot = Snapshot(positions: [Long("MSFT", 100)]);

        var correlation = Evaluate(snapshot, Buy(1), Rule(RiskRuleType.MaxCorrelation, 0.9m, ThresholdUnit.Ratio, RiskAction.Block));
        var sector = Evaluate(snapshot, Buy(200), Rule(RiskRuleType.SectorLimit, 25m, ThresholdUnit.Percent, RiskAction.Block));

        Assert.Equal(RiskDecisionOutcome.Blocked, correlation.Outcome);
        Assert.StartsWith("INSUFFICIENT_HISTORY", correlation.Breaches.Single().Reason, StringComparison.Ordinal);
        Assert.Equal(30m, sector.Breaches.Single().Observed);
    }

    private static RiskRule Rule(
        RiskRuleType type, decimal threshold, ThresholdUnit unit, RiskAction action, int? lookbackDays = null, string[]? sectors = null, string[]? symbols = null) =>
        RiskRule.Create(UserId, $"{type}", null, type, threshold, unit, action, symbols: symbols, lookbackDays: lookbackDays, sectors: sectors);

    private static PortfolioSnapshot With(RuleMarketData data, params PositionSnapshot[] positions)
    {
        var snapshot = Snapshot(positions: positions);
        return new PortfolioSnapshot
        {
            Equity = snapshot.Equity,
            Cash = snapshot.Cash,
            BuyingPower = snapshot.BuyingPower,
            DayStartEquity = snapshot.DayStartEquity,
            EquityHighWaterMark = snapshot.EquityHighWaterMark,
            Positions = snapshot.Positions,
            Quotes = snapshot.Quotes,
            Now = snapshot.Now,
            MaxQuoteAge = snapshot.MaxQuoteAge,
            MarketData = data,
        };
    }

    private static RuleMarketData Data(params (string Symbol, Func<int, double> Return)[] series) => new(
        series.ToDictionary(s => s.Symbol, s => new DailyCloses(Series(s.Return))),
        new Dictionary<string, string?>());

    private static RuleMarketData Sectors(params (string Symbol, string Sector)[] sectors) => new(
        new Dictionary<string, DailyCloses>(), sectors.ToDictionary(s => s.Symbol, s => (string?)s.Sector));

    /// <summary>
    /// Closes from 100 compounding the returns <paramref name="at"/>(0..89), on consecutive business days up to the day before
    /// <see cref="RiskScenario.Now"/>; with <paramref name="skipEvery"/>, every n-th date left out.
    /// </summary>
    private static List<(DateOnly Date, decimal Close)> Series(Func<int, double> at, int skipEvery = 0)
    {
        var closes = new List<decimal> { 100m };
        foreach (var r in BaseReturns.Select((_, t) => at(t)))
        {
            closes.Add(Math.Round(closes[^1] * (1m + (decimal)r), 8));
        }

        var dates = new List<DateOnly>();
        for (var d = DateOnly.FromDateTime(Now).AddDays(-1); dates.Count < closes.Count; d = d.AddDays(-1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                dates.Add(d);
            }
        }

        dates.Reverse();
        return [.. dates.Zip(closes).Where((_, i) => skipEvery == 0 || i % skipEvery != skipEvery - 1)];
    }

    private static double[] ReturnsOf(IEnumerable<(DateOnly Date, decimal Close)> closes)
    {
        var values = closes.Select(c => (double)c.Close).ToList();
        return [.. values.Skip(1).Select((c, t) => (c / values[t]) - 1d)];
    }

    /// <summary>Pearson's r by its textbook formula: Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²).</summary>
    private static double Pearson(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var sxy = x.Select((v, i) => (v - mx) * (y[i] - my)).Sum();
        var sxx = x.Sum(v => (v - mx) * (v - mx));
        var syy = y.Sum(v => (v - my) * (v - my));
        return sxy / Math.Sqrt(sxx * syy);
    }
}
