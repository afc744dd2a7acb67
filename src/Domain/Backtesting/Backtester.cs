using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Domain.Backtesting;

/// <summary>
/// "What would my rules have done?": replays orders over stored daily bars twice, once judged by the rules and once by none,
/// with the real pieces — the in-memory <see cref="Trading.PaperAccount"/> as the broker, <see cref="RiskRules.Engine.RiskEngine"/>
/// for every order, <see cref="PortfolioMonitor"/> on a <see cref="PortfolioState"/> for the monitor — and nothing stored.
/// Pure and deterministic: the same input gives the same result (no clock, no randomness reaches the result).
/// <para>Each simulated day (a date with a bar of any symbol, or with an order):</para>
/// <list type="number">
/// <item>the open: positions are marked at the day's opens and the monitor looks (an overnight gap can breach);</item>
/// <item>the day's orders, in input order, each quoted at its symbol's open (no bar that day: no quote, so the engine fails the
/// order closed): the trading state first (halted or reducing), then the engine; an accepted market order fills at the open, an
/// accepted limit order fills there when marketable;</item>
/// <item>a resting limit order fills at its limit price when the day's range reaches it;</item>
/// <item>the close: positions are marked at the closes, the monitor looks again, unfilled day orders expire, and the equity is
/// the day's point on the curve.</item>
/// </list>
/// The monitor's liquidations fill at the price of the tick that decided them. A halt lasts to the end (nobody resumes); a
/// reducing state ends at the next day, as it does for real. Trading days are the New York calendar dates of the bars.
/// </summary>
public static class Backtester
{
    /// <summary>Wall-clock time (New York) of the open tick, at which the day's orders are placed.</summary>
    public static readonly TimeOnly OpenTime = new(9, 30);

    /// <summary>Wall-clock time (New York) at which resting limit orders are tested against the day's range.</summary>
    public static readonly TimeOnly MiddayTime = new(12, 0);

    /// <summary>Wall-clock time (New York) of the close tick.</summary>
    public static readonly TimeOnly CloseTime = new(16, 0);

    public static BacktestResult Run(BacktestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var days = Days(input);
        var dayBars = BarsByDay(input.Market, input.From, input.To);
        var ordersByDay = input.Orders.OrderBy(o => o.Date).ThenBy(o => o.Index).GroupBy(o => o.Date).ToDictionary(g => g.Key, g => g.ToList());

        var withRules = new BacktestSimulation(input, input.Rules).Run(days, dayBars, ordersByDay);
        var withoutRules = new BacktestSimulation(input, []).Run(days, dayBars, ordersByDay);
        return new BacktestResult(days, withRules, withoutRules, Summaries(input.Rules, withRules));
    }

    /// <summary>The dates with a bar of any symbol or an order, between From and To, in order.</summary>
    private static List<DateOnly> Days(BacktestInput input)
    {
        var dates = new SortedSet<DateOnly>();
        foreach (var (_, bars) in input.Market.AllSeries)
        {
            foreach (var bar in bars)
            {
                if (bar.Date >= input.From && bar.Date <= input.To)
                {
                    dates.Add(bar.Date);
                }
            }
        }

        foreach (var order in input.Orders)
        {
            if (order.Date >= input.From && order.Date <= input.To)
            {
                dates.Add(order.Date);
            }
        }

        return [.. dates];
    }

    private static Dictionary<DateOnly, List<(string Symbol, DailyBar Bar)>> BarsByDay(BacktestMarket market, DateOnly from, DateOnly to)
    {
        var byDay = new Dictionary<DateOnly, List<(string, DailyBar)>>();
        foreach (var (symbol, bars) in market.AllSeries)
        {
            foreach (var bar in bars)
            {
                if (bar.Date < from || bar.Date > to)
                {
                    continue;
                }

                if (!byDay.TryGetValue(bar.Date, out var list))
                {
                    byDay[bar.Date] = list = [];
                }

                list.Add((symbol, bar));
            }
        }

        return byDay;
    }

    private static List<BacktestRuleSummary> Summaries(IReadOnlyList<RiskRule> rules, BacktestRunResult run)
    {
        var summaries = new List<BacktestRuleSummary>(rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            var preTrade = run.Orders.SelectMany(o => o.Breaches.Where(b => b.RuleIndex == i).Select(_ => o.Order.Date)).ToList();
            var monitor = run.MonitorEvents.Where(e => e.RuleIndex == i).Select(e => e.Date).ToList();
            var all = preTrade.Concat(monitor).ToList();
            summaries.Add(new BacktestRuleSummary(
                i, rules[i], preTrade.Count, monitor.Count, all.Count == 0 ? null : all.Min(), all.Count == 0 ? null : all.Max()));
        }

        return summaries;
    }
}
