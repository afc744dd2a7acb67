using Ardalis.Specification;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Specifications;

/// <summary>The caller's breaches of one rule, for telling a deleted rule's surviving history from an id that never was theirs.</summary>
public sealed class AnyBreachOfRiskRuleSpec : Specification<RiskBreach>
{
    public AnyBreachOfRiskRuleSpec(Guid userId, Guid ruleId) => Query.Where(b => b.RuleId == ruleId && b.UserId == userId);
}
