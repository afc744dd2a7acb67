using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The notifications a batch of delivery rows belongs to, in one query (no owner filter: the workers act for every user).</summary>
public sealed class NotificationsForDeliveriesSpec : Specification<Notification>
{
    public NotificationsForDeliveriesSpec(IReadOnlyCollection<Guid> notificationIds)
    {
        Query.Where(n => notificationIds.Contains(n.Id));
    }
}
