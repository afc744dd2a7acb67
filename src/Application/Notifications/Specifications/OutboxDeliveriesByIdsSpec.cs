using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The delivery rows of one claimed outbox batch, by id (no owner filter: the worker acts for every user).</summary>
public sealed class OutboxDeliveriesByIdsSpec : Specification<NotificationDelivery>
{
    public OutboxDeliveriesByIdsSpec(IReadOnlyCollection<Guid> ids)
    {
        Query.Where(d => ids.Contains(d.Id));
    }
}
