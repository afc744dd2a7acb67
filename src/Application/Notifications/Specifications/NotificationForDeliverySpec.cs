using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The notification a delivery row belongs to, for the outbox worker (no owner filter: the worker acts for every user).</summary>
public sealed class NotificationForDeliverySpec : Specification<Notification>
{
    public NotificationForDeliverySpec(Guid notificationId)
    {
        Query.Where(n => n.Id == notificationId);
    }
}
