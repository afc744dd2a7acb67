namespace RiskPlatform.Domain.Notifications;

/// <summary>
/// Where a notification can go: <see cref="InApp"/>, <see cref="Email"/>, <see cref="Websocket"/>, <see cref="Sms"/>,
/// <see cref="Push"/> (Web Push to the user's subscribed browsers) and <see cref="Webhook"/>. The declaration order is the
/// dispatch order.
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
