namespace RiskPlatform.Application.Notifications.Common;

/// <summary>
/// <c>GET /notifications/stats</c>. <see cref="ByType"/> and <see cref="ByPriority"/> count <b>unread</b> notifications,
/// keyed by the snake_case enum value, with every type and priority present (zero included) so clients need no defaults.
/// <see cref="RecentCount"/> counts every notification (read or not) created in the last 24 hours.
/// </summary>
public sealed record NotificationStatsDto(
    int TotalUnread,
    IReadOnlyDictionary<string, int> ByType,
    IReadOnlyDictionary<string, int> ByPriority,
    int RecentCount);
