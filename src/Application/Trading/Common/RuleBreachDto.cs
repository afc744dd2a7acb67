using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>A rule that fired on an order: observed and limit are in the rule's threshold unit.</summary>
public sealed record RuleBreachDto(
    Guid RuleId,
    string RuleName,
    RiskRuleType RuleType,
    decimal Observed,
    decimal Limit,
    RiskAction Action,
    string? Message)
{
    public static RuleBreachDto From(RuleEvaluation evaluation) => new(
        evaluation.Rule.Id,
        evaluation.Rule.Name,
        evaluation.RuleType,
        evaluation.Observed,
        evaluation.Limit,
        evaluation.Action,
        evaluation.Reason);
}
