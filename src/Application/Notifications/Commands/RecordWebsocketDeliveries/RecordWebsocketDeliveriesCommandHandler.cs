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
        foreach (var push in request.Pushes)
        {
            await RecordAsync(push, now, cancellationToken);
        }

        return Unit.Value;
    }

    private async Task RecordAsync(WebsocketPushResult push, DateTime now, CancellationToken cancellationToken)
    {
        var delivery = await deliveries.FirstOrDefaultAsync(new WebsocketDeliveryOfNotificationSpec(push.NotificationId), cancellationToken);
        if (delivery is null || delivery.IsTerminal)
        {
            return;
        }

        switch (push.Outcome)
        {
            case WebsocketPushOutcome.Delivered:
                delivery.MarkSent(now);
                var notification = await notifications.FirstOrDefaultAsync(new NotificationForDeliverySpec(push.NotificationId), cancellationToken);
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
