using Ardalis.Specification;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>
/// Owners of active rules the monitor evaluates (one row per rule; callers de-duplicate), optionally only among
/// <paramref name="candidates"/>.
/// </summary>
public sealed class UsersWithMonitoredRulesSpec : Specification<RiskRule, Guid>
{
    private static readonly RiskRuleType[] MonitoredTypes = [.. Enum.GetValues<RiskRuleType>().Where(RiskRuleCatalog.IsMonitored)];

    public UsersWithMonitoredRulesSpec(IReadOnlyCollection<Guid>? candidates = null)
    {
        Query.Where(r => r.IsActive && MonitoredTypes.Contains(r.RuleType));
        if (candidates is not null)
        {
            Query.Where(r => candidates.Contains(r.UserId));
        }

        Query.Select(r => r.UserId);
    }
}
