namespace RiskPlatform.Api.Hubs;

/// <summary>The payload of <see cref="NotificationHubEvents.UnreadCountChanged"/>: <c>{"unread_count": n}</c>.</summary>
public sealed record UnreadCountChanged(int UnreadCount);
