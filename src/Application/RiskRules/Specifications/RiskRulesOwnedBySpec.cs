using Ardalis.Specification;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Specifications;

/// <summary>Every rule of one user, active or not (to count them against <c>Risk:MaxRulesPerUser</c>).</summary>
public sealed class RiskRulesOwnedBySpec : Specification<RiskRule>
{
    public RiskRulesOwnedBySpec(Guid userId) => Query.Where(r => r.UserId == userId);
}
