using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// <see cref="INotificationPusher"/> for SignalR: hands each push to <see cref="RealtimePushQueue"/> and returns at once, so
/// a committed command never waits for the hub or its Redis backplane. <see cref="RealtimePushWorker"/> sends them.
/// </summary>
internal sealed class SignalRNotificationPusher(RealtimePushQueue queue) : INotificationPusher
{
    public Task PushNotificationAsync(Guid userId, NotificationDto notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        queue.TryEnqueue(RealtimePush.NotificationReceived(userId, notification));
        return Task.CompletedTask;
    }

    public Task UnreadCountChangedAsync(Guid userId, CancellationToken ct)
    {
        queue.TryEnqueue(RealtimePush.UnreadCountChanged(userId));
        return Task.CompletedTask;
    }
}
