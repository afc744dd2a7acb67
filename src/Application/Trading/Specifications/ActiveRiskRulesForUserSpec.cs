using Ardalis.Specification;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>
/// The user's active rules for the pre-trade check, ordered by rule type then id. The engine applies strategy and symbol scope
/// itself (<see cref="RiskRule.AppliesTo"/>) and re-sorts only when the stored order differs from its evaluation order.
/// </summary>
public sealed class ActiveRiskRulesForUserSpec : Specification<RiskRule>
{
    public ActiveRiskRulesForUserSpec(Guid userId) =>
        Query.Where(r => r.UserId == userId && r.IsActive).OrderBy(r => r.RuleType).ThenBy(r => r.Id);
}
