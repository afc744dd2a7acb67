using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.Portfolio.Monitoring;

/// <summary>Who the monitor watches: users with an active monitored rule, or with a portfolio state (their equity history and baselines).</summary>
internal static class MonitoredUsers
{
    public static async Task<IReadOnlyList<Guid>> FilterAsync(
        IReadOnlyCollection<Guid> candidates,
        IReadRepository<RiskRule> rules,
        IReadRepository<PortfolioState> states,
        CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        // The states first: at most one row per candidate, and every account that has traded here has one. The rules (one row
        // per monitored rule) are read only for the candidates left, usually none.
        var watched = new HashSet<Guid>(await states.ListAsync(new UsersWithPortfolioStateSpec(candidates), cancellationToken));
        if (watched.Count < candidates.Count)
        {
            var rest = candidates.Where(c => !watched.Contains(c)).ToList();
            watched.UnionWith(await rules.ListAsync(new UsersWithMonitoredRulesSpec(rest), cancellationToken));
        }

        return [.. candidates.Where(watched.Contains)];
    }
}
