using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.SignalR;
using RiskPlatform.Application.Notifications.Commands.RecordWebsocketDeliveries;
using RiskPlatform.Application.Notifications.Queries.GetUnreadCount;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// Drains <see cref="RealtimePushQueue"/> in order: sends each push to every connection of the user (on every instance, with
/// the Redis backplane; sending to a user without connections does nothing), then records the notification pushes of what
/// it drained on their websocket delivery rows through one <see cref="RecordWebsocketDeliveriesCommand"/> in its own scope
/// (one transaction and one audit row per batch, not per push): sent when the user had a connection, suppressed
/// <c>not_connected</c> when not, failed when the push failed. Each send is bounded by <see cref="PushTimeout"/>; failures
/// are logged, and the next push goes on. An unread count is pushed once per user and batch (at the user's last change in
/// it), and only to users with a connection; a portfolio mark once per user and batch (the latest: an earlier one is stale).
/// </summary>
internal sealed partial class RealtimePushWorker(
    RealtimePushQueue queue,
    IHubContext<NotificationsHub> hub,
    IUserPresence presence,
    IServiceScopeFactory scopeFactory,
    ILogger<RealtimePushWorker> logger) : BackgroundService
{
    public static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var drained = new List<RealtimePush>();
        var results = new List<WebsocketPushResult>();
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            // Everything already queued, up to one batch, sent in order; an unread count is sent only at its user's last
            // count change of the batch (the count read then covers the earlier ones). Notification pushes are recorded together.
            while (drained.Count < RecordWebsocketDeliveriesCommand.MaxPushes && queue.Reader.TryRead(out var push))
            {
                drained.Add(push);
            }

            for (var i = 0; i < drained.Count; i++)
            {
                var push = drained[i];
                if (push.Notification is not null)
                {
                    results.Add(await PushNotificationAsync(push, stoppingToken));
                }
                else if (HasLaterOfItsKind(drained, i))
                {
                    continue;
                }
                else if (push.Mark is not null)
                {
                    await PushMarkAsync(push.UserId, push.Mark, stoppingToken);
                }
                else
                {
                    await PushUnreadCountAsync(push.UserId, stoppingToken);
                }
            }

            drained.Clear();
            if (results.Count > 0)
            {
                await RecordAsync(results, stoppingToken);
                results.Clear();
            }
        }
    }

    /// <summary>A later unread count (or mark) of the same user in the batch makes this one redundant.</summary>
    private static bool HasLaterOfItsKind(List<RealtimePush> drained, int index)
    {
        var (userId, method) = (drained[index].UserId, drained[index].HubMethod);
        for (var i = index + 1; i < drained.Count; i++)
        {
            if (drained[i].UserId == userId && drained[i].HubMethod == method)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<WebsocketPushResult> PushNotificationAsync(RealtimePush push, CancellationToken stoppingToken)
    {
        var notification = push.Notification!;
        WebsocketPushOutcome outcome;
        string? error = null;
        try
        {
            // Sent whatever presence says: a Redis that restarted has forgotten presence until clients reconnect, but the
            // backplane resubscribed their channels, so they still receive. Presence only decides what the row records.
            await SendAsync(push.UserId, NotificationHubEvents.NotificationReceived, notification, stoppingToken);
            outcome = await WithinPushTimeout(presence.IsConnectedAsync(UserKey(push.UserId)), stoppingToken)
                ? WebsocketPushOutcome.Delivered
                : WebsocketPushOutcome.NotConnected;
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogPushFailed(logger, NotificationHubEvents.NotificationReceived, push.UserId, exception);
            outcome = WebsocketPushOutcome.Failed;
            error = $"{exception.GetType().Name}: {exception.Message}";
        }

        return new WebsocketPushResult(notification.Id, outcome, error);
    }

    private async Task RecordAsync(List<WebsocketPushResult> results, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new RecordWebsocketDeliveriesCommand([.. results]), stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogRecordFailed(logger, results.Count, exception);
        }
    }

    /// <summary>
    /// Reads the user's committed unread count now (after the commit that changed it, off its request) and pushes it; a user
    /// without a connection anywhere (presence) costs no read: a client reads the count (`GET /notifications/stats`) when it connects.
    /// </summary>
    private async Task PushUnreadCountAsync(Guid userId, CancellationToken stoppingToken)
    {
        try
        {
            if (!await WithinPushTimeout(presence.IsConnectedAsync(UserKey(userId)), stoppingToken))
            {
                return;
            }

            int unreadCount;
            await using (var scope = scopeFactory.CreateAsyncScope())
            {
                unreadCount = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetUnreadCountQuery(userId), stoppingToken);
            }

            await SendAsync(userId, NotificationHubEvents.UnreadCountChanged, new UnreadCountChanged(unreadCount), stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogPushFailed(logger, NotificationHubEvents.UnreadCountChanged, userId, exception);
        }
    }

    /// <summary>Sends the mark to the user's connections (none: nothing happens); nothing is read or recorded.</summary>
    private async Task PushMarkAsync(Guid userId, PortfolioMarkDto mark, CancellationToken stoppingToken)
    {
        try
        {
            await SendAsync(userId, NotificationHubEvents.PortfolioMarked, mark, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogPushFailed(logger, NotificationHubEvents.PortfolioMarked, userId, exception);
        }
    }

    private static string UserKey(Guid userId) => userId.ToString("D", CultureInfo.InvariantCulture);

    private static Task<T> WithinPushTimeout<T>(Task<T> task, CancellationToken cancellationToken) => task.WaitAsync(PushTimeout, cancellationToken);

    private async Task SendAsync(Guid userId, string method, object payload, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PushTimeout);
        await hub.Clients.User(UserKey(userId)).SendAsync(method, payload, timeout.Token).WaitAsync(timeout.Token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Real-time push {HubMethod} to user {UserId} failed")]
    private static partial void LogPushFailed(ILogger logger, string hubMethod, Guid userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the websocket deliveries of {PushCount} notification push(es)")]
    private static partial void LogRecordFailed(ILogger logger, int pushCount, Exception exception);
}
