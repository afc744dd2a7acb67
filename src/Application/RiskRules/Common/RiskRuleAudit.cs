using System.Globalization;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Common;

/// <summary>
/// Audit-trail text for a whole rule, in the same <c>field: value</c> form as <see cref="RiskRuleChangeSet.Describe"/>
/// (the threshold without the trailing zeros its decimal(28, 8) column gives it).
/// </summary>
public static class RiskRuleAudit
{
    public static string Describe(RiskRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return string.Join(
            "; ",
            $"name: {rule.Name}",
            $"rule_type: {WireEnum.Name(rule.RuleType)}",
            $"threshold_value: {(rule.ThresholdValue / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)}",
            $"threshold_unit: {WireEnum.Name(rule.ThresholdUnit)}",
            $"action: {WireEnum.Name(rule.Action)}",
            $"is_active: {(rule.IsActive ? "true" : "false")}",
            $"strategy_id: {rule.StrategyId?.ToString() ?? "null"}",
            $"symbols: [{string.Join(",", rule.Symbols)}]",
            $"window_seconds: {rule.WindowSeconds?.ToString(CultureInfo.InvariantCulture) ?? "null"}",
            $"lookback_days: {rule.LookbackDays?.ToString(CultureInfo.InvariantCulture) ?? "null"}",
            $"sectors: [{string.Join(",", rule.Sectors)}]",
            $"description: {rule.Description ?? "null"}");
    }
}
