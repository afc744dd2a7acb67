using Ardalis.Specification;
using RiskPlatform.Domain.Portfolio.Monitoring;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>
/// A user's pending monitor actions in execution order: oldest decision first, and within one decision by sequence
/// (cancellations before liquidations). Served by ix_monitor_actions_user_pending.
/// </summary>
public sealed class PendingMonitorActionsOfUserSpec : Specification<MonitorAction>
{
    public PendingMonitorActionsOfUserSpec(Guid userId) =>
        Query.Where(a => a.UserId == userId && a.Status == MonitorActionStatus.Pending)
            .OrderBy(a => a.CreatedAt)
            .ThenBy(a => a.Sequence)
            .ThenBy(a => a.Id);
}
