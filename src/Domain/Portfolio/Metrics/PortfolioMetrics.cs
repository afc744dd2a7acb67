using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Domain.Portfolio.Metrics;

/// <summary>Computes <see cref="PortfolioRiskMetrics"/> (pure). Definitions are on <see cref="PortfolioRiskMetrics"/>.</summary>
public static class PortfolioMetrics
{
    /// <summary>
    /// Figures for <paramref name="snapshot"/> (equity, cash, buying power, positions) with the day-start equity, high-water mark,
    /// deepest drawdown and trading state from <paramref name="state"/>. Rule utilisation covers every active rule in
    /// <paramref name="activeRules"/> (inactive ones are skipped): monitored rules through <see cref="RiskEngine.EvaluatePortfolio"/>
    /// (worst symbol for per-symbol rules); position_limit observes the number of open positions; order_rate_limit the orders in
    /// its window; the other pre-trade-only rules have no observed value.
    /// </summary>
    public static PortfolioRiskMetrics Compute(PortfolioSnapshot snapshot, PortfolioState state, IReadOnlyList<RiskRule> activeRules)
    {
        var equity = snapshot.Equity;
        var gross = 0m;
        var net = 0m;
        var unrealized = 0m;
        var costBasis = 0m;
        var count = 0;
        string? largestSymbol = null;
        var largestValue = 0m;
        foreach (var p in snapshot.Positions)
        {
            if (p.Quantity == 0)
            {
                continue;
            }

            count++;
            var value = Math.Abs(p.Quantity) * p.MarketPrice;
            gross += value;
            net += p.Quantity * p.MarketPrice;
            unrealized += p.Quantity * (p.MarketPrice - p.AverageEntryPrice);
            costBasis += Math.Abs(p.Quantity) * p.AverageEntryPrice;
            if (largestSymbol is null || value > largestValue)
            {
                largestSymbol = p.Symbol.ToUpperInvariant();
                largestValue = value;
            }
        }

        var dailyPl = equity - state.DayStartEquity;
        var highWaterMark = Math.Max(state.HighWaterMark, equity);
        var drawdownPercent = RiskMath.Drawdown(highWaterMark, equity, ThresholdUnit.Percent);

        return new PortfolioRiskMetrics
        {
            AccountValue = equity,
            BuyingPower = snapshot.BuyingPower,
            TotalPositionValue = net,
            Cash = snapshot.Cash,
            NumberOfPositions = count,
            DailyPl = dailyPl,
            DailyPlPercent = Percent(dailyPl, state.DayStartEquity),
            TotalUnrealizedPl = unrealized,
            TotalUnrealizedPlPercent = Percent(unrealized, costBasis),
            Leverage = equity > 0 ? RiskMath.Leverage(gross, equity) : 0m,
            MaxDrawdownPercent = Math.Max(state.MaxDrawdownPercent, drawdownPercent),
            GrossExposure = gross,
            NetExposure = net,
            NetLeverage = equity > 0 ? net / equity : 0m,
            CurrentDrawdown = RiskMath.Drawdown(highWaterMark, equity, ThresholdUnit.Dollars),
            CurrentDrawdownPercent = drawdownPercent,
            HighWaterMark = highWaterMark,
            HighWaterMarkAt = highWaterMark > state.HighWaterMark ? snapshot.Now : state.HighWaterMarkAt,
            LargestPositionSymbol = largestSymbol,
            LargestPositionValue = largestValue,
            LargestPositionPercent = equity > 0 ? RiskMath.Concentration(largestValue, equity) : 0m,
            TradingState = state.TradingState,
            TradingStateReason = state.TradingStateReason,
            TradingStateSince = state.TradingStateSince,
            ReducingUntil = state.ReducingUntil,
            DayStartEquity = state.DayStartEquity,
            CurrentDayStart = state.CurrentDayStart,
            RuleUtilisation = Utilisation(snapshot, activeRules, count),
        };
    }

    /// <summary>
    /// The figures of <paramref name="state"/>'s latest mark (its equity, day-start equity, high-water mark and trading state) with
    /// the broker's <paramref name="cash"/> at that mark.
    /// </summary>
    public static PortfolioMark MarkOf(PortfolioState state, decimal cash)
    {
        ArgumentNullException.ThrowIfNull(state);
        var equity = state.LastEquity;
        var dailyPl = equity - state.DayStartEquity;
        var highWaterMark = Math.Max(state.HighWaterMark, equity);
        return new PortfolioMark(
            equity,
            cash,
            dailyPl,
            Percent(dailyPl, state.DayStartEquity),
            RiskMath.Drawdown(highWaterMark, equity, ThresholdUnit.Dollars),
            RiskMath.Drawdown(highWaterMark, equity, ThresholdUnit.Percent),
            highWaterMark,
            state.TradingState,
            state.TradingStateReason,
            state.LastMarkedAt);
    }

    private static List<RuleUtilisation> Utilisation(PortfolioSnapshot snapshot, IReadOnlyList<RiskRule> rules, int positionCount)
    {
        var observations = RiskEngine.EvaluatePortfolio(snapshot, rules);
        var result = new List<RuleUtilisation>(rules.Count);
        foreach (var rule in rules)
        {
            if (!rule.IsActive)
            {
                continue;
            }

            if (RiskRuleCatalog.IsMonitored(rule.RuleType))
            {
                PortfolioRuleObservation? worst = null;
                foreach (var o in observations)
                {
                    if (o.Rule.Id == rule.Id && (worst is null || o.Utilisation > worst.Value.Utilisation))
                    {
                        worst = o;
                    }
                }

                // No observation: a per-symbol rule (position size, concentration, stop_loss, take_profit) with no position in
                // scope uses none of its limit (account-level rules are always observed).
                result.Add(worst is { } w
                    ? Entry(rule, w.Symbol, w.Observed, w.IsBreached)
                    : Entry(rule, null, 0m, false));
                continue;
            }

            decimal? observed = rule.RuleType switch
            {
                RiskRuleType.PositionLimit => positionCount,
                RiskRuleType.OrderRateLimit => OrdersInWindow(snapshot, rule.WindowSeconds ?? 0),
                _ => null,
            };
            result.Add(Entry(rule, null, observed, observed is { } v && RiskMath.Exceeds(v, rule.ThresholdValue)));
        }

        return result;
    }

    private static RuleUtilisation Entry(RiskRule rule, string? symbol, decimal? observed, bool breached) => new(
        rule.Id,
        rule.Name,
        rule.RuleType,
        rule.ThresholdUnit,
        rule.Action,
        symbol,
        observed,
        rule.ThresholdValue,
        observed is { } v ? RiskMath.Utilisation(v, rule.ThresholdValue) : null,
        breached);

    /// <summary>Orders submitted in (now − window, now], the window order_rate_limit counts.</summary>
    private static int OrdersInWindow(PortfolioSnapshot snapshot, int windowSeconds)
    {
        var from = snapshot.Now.AddSeconds(-windowSeconds);
        var count = 0;
        foreach (var t in snapshot.RecentOrderTimes)
        {
            if (t > from && t <= snapshot.Now)
            {
                count++;
            }
        }

        return count;
    }

    private static decimal Percent(decimal part, decimal whole) => whole > 0 ? RiskMath.PercentOf(part, whole) : 0m;
}
