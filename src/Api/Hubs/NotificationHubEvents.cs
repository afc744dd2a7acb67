namespace RiskPlatform.Api.Hubs;

/// <summary>The client methods <see cref="NotificationsHub"/> invokes (snake_case, like the JSON payloads).</summary>
public static class NotificationHubEvents
{
    /// <summary>Payload: the notification, as <c>GET /api/v1/notifications/{id}</c> returns it.</summary>
    public const string NotificationReceived = "notification_received";

    /// <summary>Payload: <c>{"unread_count": n}</c>.</summary>
    public const string UnreadCountChanged = "unread_count_changed";
}
