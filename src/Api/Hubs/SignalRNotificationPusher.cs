using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// <see cref="INotificationPusher"/> over SignalR: sends to every connection of the user (on every instance, with the Redis
/// backplane). A user without a connection is not an error. Each push is bounded by <see cref="PushTimeout"/>; a failure
/// (e.g. Redis unreachable) is logged, never thrown, so it cannot fail the command that already committed.
/// </summary>
internal sealed partial class SignalRNotificationPusher(IHubContext<NotificationsHub> hub, ILogger<SignalRNotificationPusher> logger) : INotificationPusher
{
    public static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(5);

    public Task PushNotificationAsync(Guid userId, NotificationDto notification, CancellationToken ct) =>
        SendAsync(userId, NotificationHubEvents.NotificationReceived, notification, ct);

    public Task PushUnreadCountAsync(Guid userId, int unreadCount, CancellationToken ct) =>
        SendAsync(userId, NotificationHubEvents.UnreadCountChanged, new UnreadCountChanged(unreadCount), ct);

    private async Task SendAsync(Guid userId, string method, object payload, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PushTimeout);
        try
        {
            await hub.Clients.User(userId.ToString("D", CultureInfo.InvariantCulture)).SendAsync(method, payload, timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogPushFailed(logger, method, userId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Real-time push {HubMethod} to user {UserId} failed")]
    private static partial void LogPushFailed(ILogger logger, string hubMethod, Guid userId, Exception exception);
}
