namespace RiskPlatform.Domain.Notifications;

/// <summary>
/// Where a notification can go. <see cref="InApp"/>, <see cref="Email"/>, <see cref="Websocket"/>, <see cref="Sms"/> and
/// <see cref="Webhook"/> are delivered; <see cref="Push"/> is accepted in preferences and planned
/// <see cref="DeliveryStatus.Unsupported"/> until it is built. The declaration order is the dispatch order.
/// </summary>
public enum NotificationChannel
{
    InApp,
    Email,
    Websocket,
    Sms,
    Push,
    Webhook,
}
