namespace RiskPlatform.Domain.Notifications;

/// <summary>
/// Where a notification can go. <see cref="InApp"/>, <see cref="Email"/> and <see cref="Websocket"/> are delivered;
/// <see cref="Sms"/>, <see cref="Push"/> and <see cref="Webhook"/> are accepted in preferences and reported
/// <see cref="DeliveryStatus.Unsupported"/> at delivery until they are built. The declaration order is the dispatch order.
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
