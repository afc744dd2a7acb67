using BenchmarkDotNet.Attributes;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Benchmarks.Portfolio;

/// <summary>
/// The portfolio monitor after one quote: a 200-position account with 20 rules (the mix of <see cref="RiskEngineBenchmarks"/>;
/// 13 are monitored: 6 per-symbol rules over every position, 4 account-level, one per-symbol rule scoped to two symbols).
/// Each invocation moves one symbol's price by a cent, re-values equity, marks <see cref="PortfolioState"/>, builds the snapshot
/// and runs <see cref="PortfolioMonitor.Evaluate"/>.
/// Quiet: nothing is breached and no episode is open (the steady state).
/// WithOpenEpisodes: three episodes are open and still breached (two scoped concentration alerts and a stop_loss), so the
/// monitor matches them and decides nothing new (the steady state during an incident).
/// Quiet_QuoteAndMarkOnly is the quote/mark part of <see cref="Quiet"/>; Quiet_EvaluatePortfolioFilteredOnly the engine's measurement as
/// the monitor calls it (filtered at the exit level); Quiet_EvaluatePortfolioOnly the engine's unfiltered measurement (as the metrics use it).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MonitorBenchmarks
{
    private static readonly DateTime Now = new(2026, 3, 3, 15, 30, 0, DateTimeKind.Utc);
    private Account _quiet = null!;
    private Account _incident = null!;
    private readonly List<PortfolioRuleObservation> _buffer = new(2048);
    private PortfolioSnapshot _quietSnapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _quiet = new Account(scopedConcentrationPercent: 6m, stopLossBreached: false);
        _incident = new Account(scopedConcentrationPercent: 0.05m, stopLossBreached: true);
        var concentration = _incident.Rules.Single(r => r.RuleType == RiskRuleType.MaxConcentration && r.Symbols.Count > 0);
        var stopLoss = _incident.Rules.Single(r => r.RuleType == RiskRuleType.StopLoss);
        _incident.Episodes =
        [
            BreachEpisode.Open(concentration, "S010", 100m, 0.05m, Now.AddMinutes(-5)),
            BreachEpisode.Open(concentration, "S011", 100m, 0.05m, Now.AddMinutes(-5)),
            BreachEpisode.Open(stopLoss, "S050", 100m, 8m, Now.AddMinutes(-5)),
        ];

        _quietSnapshot = _quiet.AfterOneQuote();

        // Check the scenarios: without episodes the incident account opens exactly three; with them, neither decides anything.
        var opened = PortfolioMonitor.Evaluate(_incident.AfterOneQuote(), _incident.State, _incident.Rules, [], Now).Opened.Count;
        if (opened != 3 || !Quiet().IsEmpty || !WithOpenEpisodes().IsEmpty)
        {
            throw new InvalidOperationException($"Scenario is wrong: the incident account opens {opened} episodes without open ones.");
        }
    }

    [Benchmark(Baseline = true)]
    public MonitorDecision Quiet() => PortfolioMonitor.Evaluate(_quiet.AfterOneQuote(), _quiet.State, _quiet.Rules, _quiet.Episodes, Now);

    [Benchmark]
    public MonitorDecision WithOpenEpisodes() =>
        PortfolioMonitor.Evaluate(_incident.AfterOneQuote(), _incident.State, _incident.Rules, _incident.Episodes, Now);

    /// <summary>The quote, re-valuation and mark alone (the first part of <see cref="Quiet"/>).</summary>
    [Benchmark]
    public PortfolioSnapshot Quiet_QuoteAndMarkOnly() => _quiet.AfterOneQuote();

    /// <summary>
    /// The engine's full rule measurement, unfiltered (as <see cref="PortfolioMetrics"/> uses it): 1,200+ observations. The monitor
    /// passes its exit level as <c>minUtilisation</c>, which skips the divisions for positions far from every limit.
    /// </summary>
    [Benchmark]
    public IReadOnlyList<PortfolioRuleObservation> Quiet_EvaluatePortfolioOnly() =>
        RiskEngine.EvaluatePortfolio(_quietSnapshot, _quiet.Rules, _buffer);

    /// <summary>The engine's measurement as the monitor calls it: filtered at the default exit level (0.95 of each limit).</summary>
    [Benchmark]
    public IReadOnlyList<PortfolioRuleObservation> Quiet_EvaluatePortfolioFilteredOnly() =>
        RiskEngine.EvaluatePortfolio(_quietSnapshot, _quiet.Rules, _buffer, 0.95m);

    private sealed class Account
    {
        private const int QuotedIndex = 100;
        private readonly List<PositionSnapshot> _positions = new(200);
        private readonly Dictionary<string, QuoteSnapshot> _quotes = new(201, StringComparer.Ordinal);
        private readonly decimal _cash;
        private int _tick;

        public Account(decimal scopedConcentrationPercent, bool stopLossBreached)
        {
            var net = 0m;
            for (var i = 0; i < 200; i++)
            {
                var symbol = $"S{i:D3}";
                var price = 20m + (i % 50);
                var quantity = (i % 7 == 0 ? -1 : 1) * (10 + (i % 13));
                var entry = stopLossBreached && i == 50 ? price * 1.10m : price * 0.98m;
                _positions.Add(new PositionSnapshot(symbol, quantity, entry, price));
                _quotes[symbol] = new QuoteSnapshot(price - 0.01m, price + 0.01m, price, Now);
                net += quantity * price;
            }

            _cash = 1_000_000m - net;
            var user = Guid.CreateVersion7();
            var strategy = Guid.CreateVersion7();
            RiskRule R(RiskRuleType type, decimal threshold, ThresholdUnit unit, RiskAction action, Guid? strategyId = null, string[]? symbols = null, int? window = null) =>
                RiskRule.Create(user, $"{type} {threshold}", null, type, threshold, unit, action, true, strategyId, symbols, window);

            RiskRule[] rules =
            [
                R(RiskRuleType.MaxPositionSize, 5_000, ThresholdUnit.Shares, RiskAction.Block),
                R(RiskRuleType.MaxPositionSize, 60_000, ThresholdUnit.Dollars, RiskAction.ReduceSize),
                R(RiskRuleType.MaxPositionSize, 12, ThresholdUnit.Percent, RiskAction.Block, strategy),
                R(RiskRuleType.MaxOrderValue, 50_000, ThresholdUnit.Dollars, RiskAction.ReduceSize),
                R(RiskRuleType.MaxOrderValue, 1_000, ThresholdUnit.Shares, RiskAction.Block),
                R(RiskRuleType.MaxDailyLoss, 3, ThresholdUnit.Percent, RiskAction.Block),
                R(RiskRuleType.MaxDailyLoss, 50_000, ThresholdUnit.Dollars, RiskAction.CloseAll),
                R(RiskRuleType.MaxDrawdown, 10, ThresholdUnit.Percent, RiskAction.Block),
                R(RiskRuleType.MaxDrawdown, 100_000, ThresholdUnit.Dollars, RiskAction.Alert),
                R(RiskRuleType.PositionLimit, 250, ThresholdUnit.Count, RiskAction.Block),
                R(RiskRuleType.MaxLeverage, 2, ThresholdUnit.Ratio, RiskAction.ReduceSize),
                R(RiskRuleType.MaxLeverage, 1.5m, ThresholdUnit.Ratio, RiskAction.Alert),
                R(RiskRuleType.MaxConcentration, 10, ThresholdUnit.Percent, RiskAction.ReduceSize),
                R(RiskRuleType.MaxConcentration, scopedConcentrationPercent, ThresholdUnit.Percent, RiskAction.Alert, symbols: ["S010", "S011"]),
                R(RiskRuleType.OrderRateLimit, 30, ThresholdUnit.Count, RiskAction.Block, window: 60),
                R(RiskRuleType.RestrictedSymbols, 1, ThresholdUnit.Count, RiskAction.Block, symbols: ["GME", "AMC"]),
                R(RiskRuleType.PriceCollar, 5, ThresholdUnit.Percent, RiskAction.Block),
                R(RiskRuleType.PriceCollar, 2, ThresholdUnit.Percent, RiskAction.Alert, strategy),
                R(RiskRuleType.StopLoss, 8, ThresholdUnit.Percent, RiskAction.ClosePosition),
                R(RiskRuleType.TakeProfit, 25, ThresholdUnit.Percent, RiskAction.Alert),
            ];

            // As loaded by a query ordered by rule type then id.
            Rules = [.. rules.OrderBy(r => r.RuleType).ThenBy(r => r.Id)];
            State = PortfolioState.Create(user, 1_000_000m, Now.AddHours(-1));
        }

        public RiskRule[] Rules { get; }

        public PortfolioState State { get; }

        public BreachEpisode[] Episodes { get; set; } = [];

        /// <summary>Moves one symbol's price by a cent (alternating), re-values the account, marks the state and returns the snapshot.</summary>
        public PortfolioSnapshot AfterOneQuote()
        {
            var p = _positions[QuotedIndex];
            var price = (_tick++ & 1) == 0 ? p.MarketPrice + 0.01m : p.MarketPrice - 0.01m;
            _positions[QuotedIndex] = p with { MarketPrice = price };
            _quotes[p.Symbol] = new QuoteSnapshot(price - 0.01m, price + 0.01m, price, Now);

            var net = 0m;
            var gross = 0m;
            foreach (var position in _positions)
            {
                net += position.Quantity * position.MarketPrice;
                gross += Math.Abs(position.Quantity) * position.MarketPrice;
            }

            var equity = _cash + net;
            State.Mark(equity, Now);
            return new PortfolioSnapshot
            {
                Equity = equity,
                Cash = _cash,
                BuyingPower = Math.Max(0m, equity - gross),
                DayStartEquity = State.DayStartEquity,
                EquityHighWaterMark = State.HighWaterMark,
                Positions = _positions,
                Quotes = _quotes,
                Now = Now,
                MaxQuoteAge = TimeSpan.FromSeconds(5),
            };
        }
    }
}
