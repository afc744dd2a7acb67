using BenchmarkDotNet.Attributes;
using RiskPlatform.Domain.Backtesting;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Benchmarks.Backtesting;

/// <summary>
/// The backtest target: one year of daily bars (253 days) × 500 symbols × 10,000 orders × 20 rules, replayed with and
/// without the rules by <see cref="Backtester.Run"/> — what POST /risk-rules/backtest computes once its bars are read. Target ≤ 2 s.
/// The rules are of every pre-trade and monitored type with mostly alert and reduce_size actions, so that the run keeps trading
/// to the end (a halt on the first day would make the rest trivial).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BacktestBenchmarks
{
    private BacktestInput _input = null!;

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
        var bars = new Dictionary<string, IReadOnlyList<DailyBar>>(StringComparer.Ordinal);
        var symbols = Enumerable.Range(0, 500).Select(i => $"S{i:D3}").ToArray();
        foreach (var symbol in symbols)
        {
            var close = 20m + random.Next(0, 200);
            var series = new List<DailyBar>(dates.Length);
            foreach (var date in dates)
            {
                var open = close;
                close = decimal.Round(open * (1m + (((decimal)random.NextDouble() - 0.5m) / 20m)), 4);
                series.Add(new DailyBar(date, open, Math.Max(open, close) * 1.01m, Math.Min(open, close) * 0.99m, close));
            }

            bars[symbol] = series;
        }

        var orders = new List<BacktestOrder>(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            var side = random.Next(0, 3) == 0 ? OrderSide.Sell : OrderSide.Buy;
            var limit = random.Next(0, 5) == 0;
            orders.Add(new BacktestOrder(
                i, dates[i * dates.Length / 10_000], symbols[random.Next(0, symbols.Length)], side, random.Next(1, 50),
                limit ? OrderType.Limit : OrderType.Market, limit ? 20m + random.Next(0, 200) : null));
        }

        RiskRule Rule(RiskRuleType type, decimal threshold, ThresholdUnit unit, RiskAction action, string[]? symbols = null, int? window = null) =>
            RiskRule.Create(userId, $"{type} {threshold}", null, type, threshold, unit, action, symbols: symbols, windowSeconds: window);
        RiskRule[] rules =
        [
            Rule(RiskRuleType.MaxPositionSize, 20_000m, ThresholdUnit.Dollars, RiskAction.ReduceSize),
            Rule(RiskRuleType.MaxPositionSize, 2m, ThresholdUnit.Percent, RiskAction.Alert),
            Rule(RiskRuleType.MaxPositionSize, 400m, ThresholdUnit.Shares, RiskAction.Block),
            Rule(RiskRuleType.MaxOrderValue, 5_000m, ThresholdUnit.Dollars, RiskAction.ReduceSize),
            Rule(RiskRuleType.MaxOrderValue, 45m, ThresholdUnit.Shares, RiskAction.Alert),
            Rule(RiskRuleType.MaxDailyLoss, 20m, ThresholdUnit.Percent, RiskAction.Alert),
            Rule(RiskRuleType.MaxDrawdown, 30m, ThresholdUnit.Percent, RiskAction.Alert),
            Rule(RiskRuleType.PositionLimit, 400m, ThresholdUnit.Count, RiskAction.Alert),
            Rule(RiskRuleType.MaxLeverage, 3m, ThresholdUnit.Ratio, RiskAction.ReduceSize),
            Rule(RiskRuleType.MaxConcentration, 10m, ThresholdUnit.Percent, RiskAction.ReduceSize),
            Rule(RiskRuleType.MaxConcentration, 5m, ThresholdUnit.Percent, RiskAction.Alert),
            Rule(RiskRuleType.OrderRateLimit, 60m, ThresholdUnit.Count, RiskAction.Alert, window: 60),
            Rule(RiskRuleType.RestrictedSymbols, 1m, ThresholdUnit.Count, RiskAction.Block, symbols: ["S000", "S001", "S002"]),
            Rule(RiskRuleType.RestrictedSymbols, 1m, ThresholdUnit.Count, RiskAction.Alert, symbols: ["S003"]),
            Rule(RiskRuleType.PriceCollar, 10m, ThresholdUnit.Percent, RiskAction.Block),
            Rule(RiskRuleType.PriceCollar, 5m, ThresholdUnit.Percent, RiskAction.Alert),
            Rule(RiskRuleType.StopLoss, 15m, ThresholdUnit.Percent, RiskAction.ClosePosition),
            Rule(RiskRuleType.StopLoss, 8m, ThresholdUnit.Percent, RiskAction.Alert),
            Rule(RiskRuleType.TakeProfit, 30m, ThresholdUnit.Percent, RiskAction.ClosePosition),
            Rule(RiskRuleType.TakeProfit, 15m, ThresholdUnit.Percent, RiskAction.Alert),
        ];

        _input = new BacktestInput(userId, dates[0], dates[^1], 1_000_000m, orders, rules, new BacktestMarket(bars));
    }

    [Benchmark]
    public BacktestResult Run_NoRules() => Backtester.Run(_input with { Rules = [] });

    [Benchmark]
    public BacktestResult Run_OneYear_500Symbols_10000Orders_20Rules() => Backtester.Run(_input);
}
