using Ardalis.Specification;
using RiskPlatform.Application.RiskRules.Queries.ListRiskRuleBreaches;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Specifications;

/// <summary>One page of a rule's breach history for its owner, newest first (served by ix_risk_breaches_rule_recent).</summary>
public sealed class BreachesOfRiskRuleSpec : Specification<RiskBreach, RiskBreachDto>
{
    public BreachesOfRiskRuleSpec(Guid userId, Guid ruleId, int limit, int offset) =>
        Query.Where(b => b.RuleId == ruleId && b.UserId == userId)
            .OrderByDescending(b => b.OccurredAt)
            .ThenByDescending(b => b.Id)
            .Skip(offset).Take(limit);
}
