using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// One push waiting in <see cref="RealtimePushQueue"/>: a new notification (<see cref="Notification"/> set), or the user's
/// committed unread count.
/// </summary>
internal sealed record RealtimePush(Guid UserId, NotificationDto? Notification, int UnreadCount)
{
    public static RealtimePush NotificationReceived(Guid userId, NotificationDto notification) => new(userId, notification, 0);

    public static RealtimePush UnreadCountChanged(Guid userId, int unreadCount) => new(userId, null, unreadCount);
}
