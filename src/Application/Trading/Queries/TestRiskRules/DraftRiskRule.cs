using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.Trading.Queries.TestRiskRules;

/// <summary>
/// A rule to try out before saving it: the same fields, defaults and validation as <c>POST /risk-rules</c> (the unit defaults to
/// percent, the action to alert, <see cref="Params"/> carries window_seconds for order_rate_limit); the name is optional. Nothing
/// is stored.
/// </summary>
public sealed record DraftRiskRule(
    string? Name,
    RiskRuleType? RuleType,
    decimal? ThresholdValue,
    ThresholdUnit ThresholdUnit = ThresholdUnit.Percent,
    RiskAction Action = RiskAction.Alert,
    Guid? StrategyId = null,
    IReadOnlyList<string>? Symbols = null,
    RiskRuleParams? Params = null) : IRiskRuleDefinition;
