using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Real-time delivery to the user's open clients (the websocket channel). Called only after the command's changes have
/// committed (through <see cref="IAfterCommitActions"/>), never inside a transaction. Implementations must not throw for
/// an absent or unreachable user; the caller logs and swallows whatever escapes.
/// </summary>
public interface INotificationPusher
{
    /// <summary>A new notification for the user (only when its websocket delivery row was planned <c>pending</c>).</summary>
    Task PushNotificationAsync(Guid userId, NotificationDto notification, CancellationToken ct);

    /// <summary>
    /// The user's unread count changed (created, read, mark-all-read, deleted, cleared): push the committed count. The transport
    /// reads it when it sends, off the request that changed it.
    /// </summary>
    Task UnreadCountChangedAsync(Guid userId, CancellationToken ct);
}
