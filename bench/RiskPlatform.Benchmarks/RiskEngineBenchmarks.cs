using RiskPlatform.Domain.Trading;
using BenchmarkDotNet.Attributes;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Benchmarks;

/// <summary>
/// One pre-trade evaluation: 20 active rules against a 200-position portfolio (200 open orders, 10 recent orders).
/// Accepted: every rule passes. Reduced: two reduce_size rules and an alert breach (reason strings are built).
/// The results buffer is reused as the Application layer is expected to do; <see cref="Evaluate_Accepted_NewResultsList"/> shows the cost without it,
/// <see cref="Evaluate_Accepted_UnsortedRules"/> the cost of rules not passed in evaluation order.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RiskEngineBenchmarks
{
    private static readonly DateTime Now = new(2026, 3, 2, 15, 30, 0, DateTimeKind.Utc);
    private readonly List<RuleEvaluation> _buffer = new(32);
    private PortfolioSnapshot _snapshot = null!;
    private RiskRule[] _rules = null!;
    private RiskRule[] _shuffledRules = null!;
    private ProposedOrder _acceptedOrder = null!;
    private ProposedOrder _reducedOrder = null!;

    [GlobalSetup]
    public void Setup()
    {
        var positions = new List<PositionSnapshot>(200);
        var orders = new List<OpenOrderSnapshot>(200);
        var quotes = new Dictionary<string, QuoteSnapshot>(201, StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            var symbol = $"S{i:D3}";
            var price = 20m + (i % 50);
            var quantity = (i % 7 == 0 ? -1 : 1) * (10 + (i % 13));
            positions.Add(new PositionSnapshot(symbol, quantity, price * 0.98m, price));
            orders.Add(new OpenOrderSnapshot(symbol, i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell, 5, price));
            quotes[symbol] = new QuoteSnapshot(price - 0.01m, price + 0.01m, price, Now);
        }

        positions[117] = new PositionSnapshot("AAPL", 40, 95m, 100m);
        quotes["AAPL"] = new QuoteSnapshot(99.99m, 100.01m, 100m, Now);
        orders.Add(new OpenOrderSnapshot("AAPL", OrderSide.Buy, 10, 100m));

        _snapshot = new PortfolioSnapshot
        {
            Equity = 1_000_000m,
            Cash = 800_000m,
            BuyingPower = 1_600_000m,
            DayStartEquity = 1_010_000m,
            EquityHighWaterMark = 1_050_000m,
            Positions = positions,
            OpenOrders = orders,
            Quotes = quotes,
            RecentOrderTimes = Enumerable.Range(1, 10).Select(s => Now.AddSeconds(-s * 7)).ToArray(),
            Now = Now,
            MaxQuoteAge = TimeSpan.FromSeconds(5),
        };

        var user = Guid.CreateVersion7();
        var strategy = Guid.CreateVersion7();
        RiskRule R(RiskRuleType type, decimal threshold, ThresholdUnit unit, RiskAction action, Guid? strategyId = null, string[]? symbols = null, int? window = null) =>
            RiskRule.Create(user, $"{type} {threshold}", null, type, threshold, unit, action, true, strategyId, symbols, window);

        _rules =
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
            R(RiskRuleType.MaxConcentration, 6, ThresholdUnit.Percent, RiskAction.Alert, symbols: ["AAPL", "MSFT"]),
            R(RiskRuleType.OrderRateLimit, 30, ThresholdUnit.Count, RiskAction.Block, window: 60),
            R(RiskRuleType.RestrictedSymbols, 1, ThresholdUnit.Count, RiskAction.Block, symbols: ["GME", "AMC"]),
            R(RiskRuleType.PriceCollar, 5, ThresholdUnit.Percent, RiskAction.Block),
            R(RiskRuleType.PriceCollar, 2, ThresholdUnit.Percent, RiskAction.Alert, strategy),
            R(RiskRuleType.StopLoss, 8, ThresholdUnit.Percent, RiskAction.ClosePosition),
            R(RiskRuleType.TakeProfit, 25, ThresholdUnit.Percent, RiskAction.Alert),
        ];

        // As loaded by a query ordered by rule type then id, the engine's evaluation order: no sort needed.
        _rules = [.. _rules.OrderBy(r => r.RuleType).ThenBy(r => r.Id)];
        _shuffledRules = [.. _rules.Reverse()];

        _acceptedOrder = new ProposedOrder("AAPL", OrderSide.Buy, 100, OrderType.Limit, 100.05m, strategy);
        _reducedOrder = new ProposedOrder("AAPL", OrderSide.Buy, 900, OrderType.Limit, 100.05m, strategy);

        // Check each decision before the shared buffer is reused. 17 rules apply: stop_loss and take_profit are monitor-only,
        // and the restricted-symbols rule lists other symbols.
        var accepted = RiskEngine.Evaluate(_snapshot, _rules, _acceptedOrder, _buffer);
        if (accepted.Outcome != RiskDecisionOutcome.Accepted || accepted.Breaches.Count != 0 || accepted.Results.Count != 17)
        {
            throw new InvalidOperationException($"Accepted scenario is wrong: {accepted.Outcome}, {string.Join("; ", accepted.Reasons)}.");
        }

        var reduced = RiskEngine.Evaluate(_snapshot, _rules, _reducedOrder, _buffer);
        if (reduced.Outcome != RiskDecisionOutcome.Reduced)
        {
            throw new InvalidOperationException($"Reduced scenario is wrong: {reduced.Outcome}, {string.Join("; ", reduced.Reasons)}.");
        }
    }

    [Benchmark(Baseline = true)]
    public RiskDecision Evaluate_Accepted() => RiskEngine.Evaluate(_snapshot, _rules, _acceptedOrder, _buffer);

    [Benchmark]
    public RiskDecision Evaluate_Reduced() => RiskEngine.Evaluate(_snapshot, _rules, _reducedOrder, _buffer);

    [Benchmark]
    public RiskDecision Evaluate_Accepted_NewResultsList() => RiskEngine.Evaluate(_snapshot, _rules, _acceptedOrder);

    [Benchmark]
    public RiskDecision Evaluate_Accepted_UnsortedRules() => RiskEngine.Evaluate(_snapshot, _shuffledRules, _acceptedOrder, _buffer);

    [Benchmark]
    public MaxQuantityResult MaxQuantity() => RiskEngine.MaxQuantity(_snapshot, _rules, "AAPL", OrderSide.Buy, null, OrderType.Limit, 100.05m);
}
