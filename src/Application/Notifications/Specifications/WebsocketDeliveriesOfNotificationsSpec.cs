using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>
/// The websocket delivery rows of a batch of notifications, in one query, for the real-time adapter to record what the pushes
/// did (no owner filter: the adapter acts for every user).
/// </summary>
public sealed class WebsocketDeliveriesOfNotificationsSpec : Specification<NotificationDelivery>
{
    public WebsocketDeliveriesOfNotificationsSpec(IReadOnlyCollection<Guid> notificationIds)
    {
        Query.Where(d => notificationIds.Contains(d.NotificationId) && d.Channel == NotificationChannel.Websocket);
    }
}
