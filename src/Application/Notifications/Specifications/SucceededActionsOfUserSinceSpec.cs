using Ardalis.Specification;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The user's succeeded audit rows of one action since <paramref name="since"/>, oldest first, at most <paramref name="take"/>.</summary>
public sealed class SucceededActionsOfUserSinceSpec : Specification<AuditLog>
{
    public SucceededActionsOfUserSinceSpec(Guid userId, string action, DateTime since, int take) =>
        Query.Where(a => a.UserId == userId && a.Action == action && a.Outcome == AuditOutcome.Succeeded && a.Timestamp >= since)
            .OrderBy(a => a.Timestamp)
            .Take(take);
}
