using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>One delivery row by id, for the outbox worker (no owner filter: the worker acts for every user).</summary>
public sealed class OutboxDeliveryByIdSpec : Specification<NotificationDelivery>
{
    public OutboxDeliveryByIdSpec(Guid id)
    {
        Query.Where(d => d.Id == id);
    }
}
