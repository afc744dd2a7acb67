using System.Collections.Concurrent;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Queries.GetUnreadCount;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// Stands in for the real-time adapter: records what would have been pushed. Like the real sender it reads the committed unread
/// count when told that it changed (through the host's <see cref="Services"/>, set when the host resolves it).
/// </summary>
public sealed class RecordingNotificationPusher : INotificationPusher
{
    public ConcurrentQueue<(Guid UserId, NotificationDto Notification)> Notifications { get; } = new();

    public ConcurrentQueue<(Guid UserId, int UnreadCount)> UnreadCounts { get; } = new();

    public IServiceProvider? Services { get; set; }

    public Task PushNotificationAsync(Guid userId, NotificationDto notification, CancellationToken ct)
    {
        Notifications.Enqueue((userId, notification));
        return Task.CompletedTask;
    }

    public async Task UnreadCountChangedAsync(Guid userId, CancellationToken ct)
    {
        var services = Services ?? throw new InvalidOperationException("Register the pusher with its host's services.");
        await using var scope = services.CreateAsyncScope();
        UnreadCounts.Enqueue((userId, await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetUnreadCountQuery(userId), ct)));
    }
}
