using Ardalis.Specification;
using RiskPlatform.Domain.Portfolio.Monitoring;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>The owners of pending monitor actions (one row per action; callers de-duplicate).</summary>
public sealed class UsersWithPendingMonitorActionsSpec : Specification<MonitorAction, Guid>
{
    public UsersWithPendingMonitorActionsSpec()
    {
        Query.Where(a => a.Status == MonitorActionStatus.Pending);
        Query.Select(a => a.UserId);
    }
}
