using BenchmarkDotNet.Attributes;
using RiskPlatform.Domain.Analytics;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Benchmarks;

/// <summary>
/// The max_correlation target: one pre-trade evaluation of a max_correlation rule (lookback 60) against 200 held positions,
/// from precomputed return series (each symbol's <see cref="DailyCloses"/> as the order path keeps them, its unit returns already
/// computed by an earlier order). Aligned: every symbol quoted on the same days (one dot product per pair). Gapped: every
/// position missing a different day, so each pair is aligned by date. Target ≤ 20 µs. <see cref="Evaluate_NoHistoryRule"/> is the
/// same order against a max_concentration rule, the engine's own cost over 200 positions.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MaxCorrelationBenchmarks
{
    private static readonly DateTime Now = new(2026, 3, 2, 15, 30, 0, DateTimeKind.Utc);
    private readonly List<RuleEvaluation> _buffer = new(4);
    private PortfolioSnapshot _aligned = null!;
    private PortfolioSnapshot _gapped = null!;
    private RiskRule[] _correlation = null!;
    private RiskRule[] _concentration = null!;
    private ProposedOrder _order = null!;

    [GlobalSetup]
    public void Setup()
    {
        var userId = Guid.CreateVersion7();
        var start = new DateOnly(2025, 1, 2);
        var dates = Enumerable.Range(0, 400).Select(start.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Take(253)
            .ToArray();
        var random = new Random(17);
        var aligned = new Dictionary<string, DailyCloses>(StringComparer.Ordinal);
        var gapped = new Dictionary<string, DailyCloses>(StringComparer.Ordinal);
        var positions = new List<PositionSnapshot>(200);
        var calendars = new DayCalendars();
        foreach (var (symbol, i) in Enumerable.Range(0, 201).Select(i => (i == 200 ? "ORDER" : $"S{i:D3}", i)))
        {
            var close = 50m + random.Next(0, 200);
            var series = dates.Select(d => (d, close = decimal.Round(close * (1m + (((decimal)random.NextDouble() - 0.5m) / 25m)), 4))).ToList();
            aligned[symbol] = new DailyCloses(series, calendars);
            gapped[symbol] = new DailyCloses(series.Where((_, t) => t != 250 - (i % 40)), calendars);
            if (i < 200)
            {
                positions.Add(new PositionSnapshot(symbol, 10 + (i % 13), close, close));
            }
        }

        var quotes = new Dictionary<string, QuoteSnapshot>(StringComparer.Ordinal) { ["ORDER"] = new(99.99m, 100.01m, 100m, Now) };
        PortfolioSnapshot Snapshot(Dictionary<string, DailyCloses> closes) => new()
        {
            Equity = 1_000_000m,
            Cash = 800_000m,
            BuyingPower = 1_600_000m,
            DayStartEquity = 1_000_000m,
            EquityHighWaterMark = 1_000_000m,
            Positions = positions,
            Quotes = quotes,
            Now = Now,
            MaxQuoteAge = TimeSpan.FromSeconds(5),
            MarketData = new RuleMarketData(closes, new Dictionary<string, string?>()),
        };

        _aligned = Snapshot(aligned);
        _gapped = Snapshot(gapped);
        _correlation = [RiskRule.Create(userId, "correlation", null, RiskRuleType.MaxCorrelation, 0.99m, ThresholdUnit.Ratio, RiskAction.Block)];
        _concentration = [RiskRule.Create(userId, "concentration", null, RiskRuleType.MaxConcentration, 50m, ThresholdUnit.Percent, RiskAction.Block)];
        _order = new ProposedOrder("ORDER", OrderSide.Buy, 10m);

        // The order path keeps the series between orders: the unit returns are computed by the first order, not by each.
        RiskEngine.Evaluate(_aligned, _correlation, _order, _buffer);
    }

    [Benchmark]
    public RiskDecision Evaluate_MaxCorrelation_200Positions_Aligned() => RiskEngine.Evaluate(_aligned, _correlation, _order, _buffer);

    [Benchmark]
    public RiskDecision Evaluate_MaxCorrelation_200Positions_GappedDates() => RiskEngine.Evaluate(_gapped, _correlation, _order, _buffer);

    [Benchmark(Baseline = true)]
    public RiskDecision Evaluate_NoHistoryRule() => RiskEngine.Evaluate(_aligned, _concentration, _order, _buffer);
}
