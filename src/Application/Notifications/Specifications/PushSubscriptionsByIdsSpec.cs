using Ardalis.Specification;
using RiskPlatform.Domain.Notifications.Push;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The subscriptions an outbox batch's push rows go to, in one query, whoever owns them.</summary>
public sealed class PushSubscriptionsByIdsSpec : Specification<PushSubscription>
{
    public PushSubscriptionsByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(s => ids.Contains(s.Id));
}
