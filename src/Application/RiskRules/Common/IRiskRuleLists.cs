using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Common;

/// <summary>
/// A user's rules as <c>GET /risk-rules</c> lists them: one compiled query whose filters are all parameters, instead of a
/// specification translated again on every call (its translation-cache lookup was about a sixth of the endpoint's CPU).
/// </summary>
public interface IRiskRuleLists
{
    /// <summary>
    /// <paramref name="userId"/>'s rules, newest first (ties by id, UUID v7), untracked; each filter applies only when given.
    /// </summary>
    Task<IReadOnlyList<RiskRule>> ForUserAsync(
        Guid userId, Guid? strategyId, bool? isActive, RiskRuleType? ruleType, CancellationToken cancellationToken);
}
