using System.Collections.Concurrent;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>Stands in for the real-time adapter: records what would have been pushed.</summary>
public sealed class RecordingNotificationPusher : INotificationPusher
{
    public ConcurrentQueue<(Guid UserId, NotificationDto Notification)> Notifications { get; } = new();

    public ConcurrentQueue<(Guid UserId, int UnreadCount)> UnreadCounts { get; } = new();

    public Task PushNotificationAsync(Guid userId, NotificationDto notification, CancellationToken ct)
    {
        Notifications.Enqueue((userId, notification));
        return Task.CompletedTask;
    }

    public Task PushUnreadCountAsync(Guid userId, int unreadCount, CancellationToken ct)
    {
        UnreadCounts.Enqueue((userId, unreadCount));
        return Task.CompletedTask;
    }
}
