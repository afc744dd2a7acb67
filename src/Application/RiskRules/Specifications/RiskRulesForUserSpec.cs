using Ardalis.Specification;
using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Specifications;

/// <summary>The caller's rules, optionally filtered by strategy, active flag and type, newest first.</summary>
public sealed class RiskRulesForUserSpec : Specification<RiskRule, RiskRuleDto>
{
    public RiskRulesForUserSpec(Guid userId, Guid? strategyId, bool? isActive, RiskRuleType? ruleType)
    {
        // Every column is on the wire: read the rows and map them (no per-call preparation of a wide projection).
        Query.MapAfterReading();
        Query.Where(r => r.UserId == userId);
        if (strategyId is { } strategy)
        {
            Query.Where(r => r.StrategyId == strategy);
        }

        if (isActive is { } active)
        {
            Query.Where(r => r.IsActive == active);
        }

        if (ruleType is { } type)
        {
            Query.Where(r => r.RuleType == type);
        }

        // UUID v7 ids break ties between rules created in the same instant.
        Query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
    }
}
