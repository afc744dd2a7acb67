using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// <see cref="INotificationPusher"/> over SignalR: sends to every connection of the user (on every instance, with the Redis
/// backplane). A notification push is then recorded on its websocket delivery row (<see cref="WebsocketDeliveryRecorder"/>):
/// sent when the user had a connection, suppressed <c>not_connected</c> when not, failed when the push failed. Each push
/// is bounded by <see cref="PushTimeout"/>; failures are logged, never thrown, so they cannot fail a committed command.
/// </summary>
internal sealed partial class SignalRNotificationPusher(
    IHubContext<NotificationsHub> hub,
    IUserPresence presence,
    IServiceScopeFactory scopeFactory,
    ILogger<SignalRNotificationPusher> logger) : INotificationPusher
{
    public static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(5);

    public async Task PushNotificationAsync(Guid userId, NotificationDto notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        WebsocketPushOutcome outcome;
        string? error = null;
        try
        {
            if (await presence.IsConnectedAsync(UserKey(userId)))
            {
                await SendAsync(userId, NotificationHubEvents.NotificationReceived, notification, ct);
                outcome = WebsocketPushOutcome.Delivered;
            }
            else
            {
                outcome = WebsocketPushOutcome.NotConnected;
            }
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            LogPushFailed(logger, NotificationHubEvents.NotificationReceived, userId, exception);
            outcome = WebsocketPushOutcome.Failed;
            error = $"{exception.GetType().Name}: {exception.Message}";
        }

        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WebsocketDeliveryRecorder>().RecordAsync(notification.Id, outcome, error, ct);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            LogRecordFailed(logger, notification.Id, exception);
        }
    }

    public async Task PushUnreadCountAsync(Guid userId, int unreadCount, CancellationToken ct)
    {
        try
        {
            await SendAsync(userId, NotificationHubEvents.UnreadCountChanged, new UnreadCountChanged(unreadCount), ct);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            LogPushFailed(logger, NotificationHubEvents.UnreadCountChanged, userId, exception);
        }
    }

    private static string UserKey(Guid userId) => userId.ToString("D", CultureInfo.InvariantCulture);

    private async Task SendAsync(Guid userId, string method, object payload, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PushTimeout);
        await hub.Clients.User(UserKey(userId)).SendAsync(method, payload, timeout.Token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Real-time push {HubMethod} to user {UserId} failed")]
    private static partial void LogPushFailed(ILogger logger, string hubMethod, Guid userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the websocket delivery of notification {NotificationId}")]
    private static partial void LogRecordFailed(ILogger logger, Guid notificationId, Exception exception);
}
