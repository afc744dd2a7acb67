using Mapster;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Dispatch;

/// <summary>
/// Records what the current command must push to the user's open clients, as <see cref="IAfterCommitActions"/>: nothing is
/// pushed unless the command commits. Each push swallows and logs its own failure; the unread count is read by the transport
/// when it sends it, so it is the committed value and costs the request nothing.
/// </summary>
public sealed partial class NotificationPushQueue(
    IAfterCommitActions afterCommit,
    INotificationPusher pusher,
    TypeAdapterConfig mapping,
    ILogger<NotificationPushQueue> logger)
{
    /// <summary>A notification was created: push it (when its websocket row was planned pending), then the unread count.</summary>
    public void NotificationCreated(Notification notification, bool pushNotification)
    {
        if (pushNotification)
        {
            var dto = notification.Adapt<NotificationDto>(mapping);
            var userId = notification.UserId;
            afterCommit.Enqueue(async ct =>
            {
                try
                {
                    await pusher.PushNotificationAsync(userId, dto, ct);
                }
                catch (Exception exception)
                {
                    LogPushFailed(logger, exception, "notification", userId);
                }
            });
        }

        UnreadCountChanged(notification.UserId);
    }

    /// <summary>The user's unread count may have changed: push the committed count.</summary>
    public void UnreadCountChanged(Guid userId) => afterCommit.Enqueue(async ct =>
    {
        try
        {
            await pusher.UnreadCountChangedAsync(userId, ct);
        }
        catch (Exception exception)
        {
            LogPushFailed(logger, exception, "unread count", userId);
        }
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push the {PushKind} to user {UserId}")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string pushKind, Guid userId);
}
