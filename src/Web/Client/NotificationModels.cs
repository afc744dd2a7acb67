namespace RiskPlatform.Web.Client;

/// <summary>Wire shapes of <c>/api/v1/notifications</c> and of the hub's events.</summary>
public sealed record Notification(
    Guid Id,
    string Type,
    string Priority,
    string Title,
    string Message,
    bool IsRead,
    DateTime? ReadAt,
    DateTime CreatedAt);

public sealed record NotificationStats(int TotalUnread, int RecentCount);

public sealed record UnreadCountChange(int UnreadCount);
