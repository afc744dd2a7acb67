using Ardalis.Specification;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Specifications;

/// <summary>One rule by id, whoever owns it: handlers compare the owner themselves so another user's rule is a denied 404.</summary>
public sealed class RiskRuleByIdSpec : Specification<RiskRule>
{
    public RiskRuleByIdSpec(Guid ruleId) => Query.Where(r => r.Id == ruleId);
}
