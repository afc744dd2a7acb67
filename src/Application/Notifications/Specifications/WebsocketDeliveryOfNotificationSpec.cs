using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The websocket delivery row of a notification, for the real-time adapter to record what the push did.</summary>
public sealed class WebsocketDeliveryOfNotificationSpec : Specification<NotificationDelivery>
{
    public WebsocketDeliveryOfNotificationSpec(Guid notificationId)
    {
        Query.Where(d => d.NotificationId == notificationId && d.Channel == NotificationChannel.Websocket);
    }
}
