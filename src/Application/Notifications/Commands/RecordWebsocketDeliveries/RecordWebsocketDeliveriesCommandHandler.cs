using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Application.Notifications.Commands.RecordWebsocketDeliveries;

/// <summary>
/// Records each push of the batch on its notification's websocket delivery row (planned <c>pending</c> by the create path): sent (and
/// <c>websocket</c> added to the notification's <c>sent_via</c>), suppressed <c>not_connected</c>, or failed. A row already
/// final, or no row at all (the notification was deleted meanwhile), is left alone.
/// </summary>
internal sealed class RecordWebsocketDeliveriesCommandHandler(
    IRepository<NotificationDelivery> deliveries,
    IRepository<Notification> notifications,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<RecordWebsocketDeliveriesCommand, Unit>
{
    public async Task<Unit> Handle(RecordWebsocketDeliveriesCommand request, CancellationToken cancellationToken)
    {
        audit.Target("notification", request.Pushes.Count == 1 ? request.Pushes[0].NotificationId : null)
            .Describe(request.Pushes.Count == 1
                ? $"Websocket push {request.Pushes[0].Outcome}"
                : $"{request.Pushes.Count} websocket pushes: {string.Join(", ", request.Pushes.GroupBy(p => p.Outcome).Select(g => $"{g.Count()} {g.Key}"))}");
        var now = timeProvider.GetUtcNow().UtcDateTime;

        // The batch's rows in one query, and the notifications of the delivered ones in one more (not one of each per push).
        var rows = (await deliveries.ListAsync(
                new WebsocketDeliveriesOfNotificationsSpec([.. request.Pushes.Select(p => p.NotificationId).Distinct()]), cancellationToken))
            .DistinctBy(d => d.NotificationId)
            .ToDictionary(d => d.NotificationId);
        var delivered = request.Pushes
            .Where(p => p.Outcome == WebsocketPushOutcome.Delivered && rows.TryGetValue(p.NotificationId, out var row) && !row.IsTerminal)
            .Select(p => p.NotificationId)
            .ToList();
        var deliveredNotifications = delivered.Count == 0
            ? []
            : (await notifications.ListAsync(new NotificationsForDeliveriesSpec(delivered), cancellationToken)).ToDictionary(n => n.Id);

        foreach (var push in request.Pushes)
        {
            if (rows.TryGetValue(push.NotificationId, out var delivery) && !delivery.IsTerminal)
            {
                Record(push, delivery, deliveredNotifications.GetValueOrDefault(push.NotificationId), now);
            }
        }

        return Unit.Value;
    }

    private static void Record(WebsocketPushResult push, NotificationDelivery delivery, Notification? notification, DateTime now)
    {
        switch (push.Outcome)
        {
            case WebsocketPushOutcome.Delivered:
                delivery.MarkSent(now);
                notification?.RecordDelivered(NotificationChannel.Websocket, now);
                break;
            case WebsocketPushOutcome.NotConnected:
                delivery.Suppress(DeliveryReasons.NotConnected);
                break;
            default:
                delivery.RecordFailure(push.Error ?? "push failed", permanent: true, now, jitter: 0);
                break;
        }
    }
}
