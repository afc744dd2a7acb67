using System.Globalization;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Domain.UnitTests.RiskRules;

/// <summary>
/// The portfolio evaluation as it was before the monitor's performance work (commit 35e8811), written plainly and self-contained:
/// every (per-symbol rule, position) pair is measured with the formulas inlined here (no <see cref="RiskMath"/> call), so a change
/// to the engine or to <see cref="RiskMath"/> cannot move the reference with it. <see cref="RiskEngine.EvaluatePortfolio"/> must
/// produce exactly these observations, in this order.
/// </summary>
internal static class PortfolioEvaluationReference
{
    public static List<PortfolioRuleObservation> Evaluate(PortfolioSnapshot snapshot, IReadOnlyList<RiskRule> rules, decimal? minUtilisation)
    {
        var ordered = rules
            .Where(r => r.IsActive && RiskRuleCatalog.IsMonitored(r.RuleType))
            .OrderBy(r => (int)r.RuleType)
            .ThenBy(r => r.Id)
            .ToList();

        var equity = snapshot.Equity;
        var gross = 0m;
        foreach (var p in snapshot.Positions)
        {
            gross += Math.Abs(p.Quantity) * p.MarketPrice;
        }

        var observations = new List<PortfolioRuleObservation>();
        foreach (var rule in ordered)
        {
            var threshold = rule.ThresholdValue;
            var percent = rule.ThresholdUnit == ThresholdUnit.Percent;
            switch (rule.RuleType)
            {
                case RiskRuleType.MaxDailyLoss:
                    var loss = Math.Max(0m, snapshot.DayStartEquity - equity);
                    AddAccountLevel(observations, rule, percent ? PercentOf(loss, snapshot.DayStartEquity) : loss, "loss");
                    break;
                case RiskRuleType.MaxDrawdown:
                    var drawdown = Math.Max(0m, snapshot.EquityHighWaterMark - equity);
                    AddAccountLevel(observations, rule, percent ? PercentOf(drawdown, snapshot.EquityHighWaterMark) : drawdown, "drawdown");
                    break;
                case RiskRuleType.MaxLeverage:
                    AddAccountLevel(observations, rule, equity > 0 ? gross / equity : gross > 0 ? decimal.MaxValue : 0m, "leverage");
                    break;
                default:
                    foreach (var p in snapshot.Positions)
                    {
                        if (p.Quantity == 0 || (rule.Symbols.Count > 0 && !rule.Symbols.Contains(p.Symbol, StringComparer.OrdinalIgnoreCase)))
                        {
                            continue;
                        }

                        if (minUtilisation is { } min && !Reaches(rule, p, equity, threshold * min))
                        {
                            continue;
                        }

                        var size = Math.Abs(p.Quantity);
                        var (observed, breached, label) = rule.RuleType switch
                        {
                            RiskRuleType.MaxPositionSize => rule.ThresholdUnit switch
                            {
                                ThresholdUnit.Shares => (size, size > threshold, "size"),
                                ThresholdUnit.Percent => Limit(PercentOf(size * p.MarketPrice, equity), threshold, "size"),
                                _ => Limit(size * p.MarketPrice, threshold, "size"),
                            },
                            RiskRuleType.MaxConcentration => Limit(PercentOf(size * p.MarketPrice, equity), threshold, "concentration"),
                            RiskRuleType.StopLoss => Trigger(Math.Max(0m, -FavourableMove(p)), threshold, "adverse_move"),
                            _ => Trigger(Math.Max(0m, FavourableMove(p)), threshold, "favourable_move"),
                        };

                        var symbol = p.Symbol.ToUpperInvariant();
                        var reason = breached
                            ? string.Create(CultureInfo.InvariantCulture, $"{RiskReasonCodes.ForRuleType(rule.RuleType)}: symbol={symbol}, {label}={Format(observed)}, limit={Format(threshold)}")
                            : null;
                        observations.Add(new PortfolioRuleObservation(rule, symbol, observed, threshold, breached, reason));
                    }

                    break;
            }
        }

        return observations;
    }

    /// <summary>The division-free test of "observed ≥ level" the monitor's filter used (cross-multiplied).</summary>
    private static bool Reaches(RiskRule rule, PositionSnapshot p, decimal equity, decimal level)
    {
        var size = Math.Abs(p.Quantity);
        switch (rule.RuleType)
        {
            case RiskRuleType.MaxPositionSize when rule.ThresholdUnit == ThresholdUnit.Shares:
                return size >= level;
            case RiskRuleType.MaxPositionSize when rule.ThresholdUnit == ThresholdUnit.Dollars:
                return size * p.MarketPrice >= level;
            case RiskRuleType.MaxPositionSize or RiskRuleType.MaxConcentration:
                var part = size * p.MarketPrice;
                return equity > 0 ? part * 100m >= level * equity : part > 0 ? decimal.MaxValue >= level : 0m >= level;
            case RiskRuleType.StopLoss or RiskRuleType.TakeProfit:
                if (p.AverageEntryPrice <= 0)
                {
                    return 0m >= level;
                }

                var gain = p.Quantity > 0 ? p.MarketPrice - p.AverageEntryPrice : p.AverageEntryPrice - p.MarketPrice;
                var move = Math.Max(0m, rule.RuleType == RiskRuleType.TakeProfit ? gain : -gain);
                return move * 100m >= level * p.AverageEntryPrice;
            default:
                return true;
        }
    }

    private static decimal FavourableMove(PositionSnapshot p)
    {
        if (p.AverageEntryPrice <= 0)
        {
            return 0m;
        }

        var move = (p.MarketPrice - p.AverageEntryPrice) / p.AverageEntryPrice * 100m;
        return p.Quantity > 0 ? move : -move;
    }

    private static decimal PercentOf(decimal part, decimal whole) =>
        whole > 0 ? part * 100m / whole : part > 0 ? decimal.MaxValue : 0m;

    private static (decimal, bool, string) Limit(decimal observed, decimal limit, string label) => (observed, observed > limit, label);

    private static (decimal, bool, string) Trigger(decimal observed, decimal threshold, string label) => (observed, observed >= threshold, label);

    private static void AddAccountLevel(List<PortfolioRuleObservation> observations, RiskRule rule, decimal observed, string label)
    {
        var breached = observed > rule.ThresholdValue;
        var reason = breached
            ? string.Create(CultureInfo.InvariantCulture, $"{RiskReasonCodes.ForRuleType(rule.RuleType)}: {label}={Format(observed)}, limit={Format(rule.ThresholdValue)}")
            : null;
        observations.Add(new PortfolioRuleObservation(rule, null, observed, rule.ThresholdValue, breached, reason));
    }

    private static string Format(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
