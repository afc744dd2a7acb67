using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// One push waiting in <see cref="RealtimePushQueue"/>: a new notification (<see cref="Notification"/> set), or the user's
/// unread count, which the worker reads when it sends it.
/// </summary>
internal sealed record RealtimePush(Guid UserId, NotificationDto? Notification)
{
    public static RealtimePush NotificationReceived(Guid userId, NotificationDto notification) => new(userId, notification);

    public static RealtimePush UnreadCountChanged(Guid userId) => new(userId, null);
}
