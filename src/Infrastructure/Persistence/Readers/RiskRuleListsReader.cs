using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Infrastructure.Persistence.Readers;

/// <summary>
/// The list endpoint's query, compiled once per model: a filter not given is a null parameter, which EF Core leaves out of
/// the statement it runs (it keeps one statement per combination of null parameters), so each combination still seeks the
/// user's rules by <c>ix_risk_rules_user_active</c>.
/// </summary>
internal sealed class RiskRuleListsReader(RiskPlatformDbContext dbContext) : IRiskRuleLists
{
    private static readonly CompiledPerModel<Func<RiskPlatformDbContext, Guid, Guid?, bool?, RiskRuleType?, IAsyncEnumerable<RiskRule>>> ForUser =
        new(() => EF.CompileAsyncQuery<RiskPlatformDbContext, Guid, Guid?, bool?, RiskRuleType?, RiskRule>((db, userId, strategyId, isActive, ruleType) =>
            db.Set<RiskRule>().AsNoTracking()
                .Where(r => r.UserId == userId
                    && (strategyId == null || r.StrategyId == strategyId)
                    && (isActive == null || r.IsActive == isActive)
                    && (ruleType == null || r.RuleType == ruleType))
                .OrderByDescending(r => r.CreatedAt)
                .ThenByDescending(r => r.Id)));

    public async Task<IReadOnlyList<RiskRule>> ForUserAsync(
        Guid userId, Guid? strategyId, bool? isActive, RiskRuleType? ruleType, CancellationToken cancellationToken)
    {
        return await ForUser.For(dbContext)(dbContext, userId, strategyId, isActive, ruleType).ToListAsync(cancellationToken);
    }
}
