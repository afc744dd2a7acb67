using Ardalis.Specification;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>One subscription by id, whoever owns it (handlers check the owner and answer 404 for another user's).</summary>
public sealed class PushSubscriptionByIdSpec : Specification<PushSubscription>
{
    public PushSubscriptionByIdSpec(Guid id) => Query.Where(s => s.Id == id);
}
