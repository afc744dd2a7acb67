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

        var watched = new HashSet<Guid>(await rules.ListAsync(new UsersWithMonitoredRulesSpec(candidates), cancellationToken));
        if (watched.Count < candidates.Count)
        {
            watched.UnionWith(await states.ListAsync(new UsersWithPortfolioStateSpec(candidates), cancellationToken));
        }

        return [.. candidates.Where(watched.Contains)];
    }

    /// <summary>Queues <paramref name="userIds"/> once the current command has committed, so the monitor reads what it changed.</summary>
    public static void EnqueueAfterCommit(IAfterCommitActions afterCommit, IMonitorQueue queue, IReadOnlyList<Guid> userIds)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        afterCommit.Enqueue(_ =>
        {
            foreach (var userId in userIds)
            {
                queue.Enqueue(userId);
            }

            return Task.CompletedTask;
        });
    }
}
