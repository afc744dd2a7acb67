using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Application.Notifications.Commands.RecordWebsocketDelivery;

/// <summary>
/// Records a push on the notification's websocket delivery row (planned <c>pending</c> by the create path): sent (and
/// <c>websocket</c> added to the notification's <c>sent_via</c>), suppressed <c>not_connected</c>, or failed. A row already
/// final, or no row at all (the notification was deleted meanwhile), is left alone.
/// </summary>
internal sealed class RecordWebsocketDeliveryCommandHandler(
    IRepository<NotificationDelivery> deliveries,
    IRepository<Notification> notifications,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<RecordWebsocketDeliveryCommand, Unit>
{
    public async Task<Unit> Handle(RecordWebsocketDeliveryCommand request, CancellationToken cancellationToken)
    {
        audit.Target("notification", request.NotificationId).Describe($"Websocket push {request.Outcome}");
        var delivery = await deliveries.FirstOrDefaultAsync(new WebsocketDeliveryOfNotificationSpec(request.NotificationId), cancellationToken);
        if (delivery is null || delivery.IsTerminal)
        {
            return Unit.Value;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        switch (request.Outcome)
        {
            case WebsocketPushOutcome.Delivered:
                delivery.MarkSent(now);
                var notification = await notifications.FirstOrDefaultAsync(new NotificationForDeliverySpec(request.NotificationId), cancellationToken);
                notification?.RecordDelivered(NotificationChannel.Websocket, now);
                break;
            case WebsocketPushOutcome.NotConnected:
                delivery.Suppress(DeliveryReasons.NotConnected);
                break;
            default:
                delivery.RecordFailure(request.Error ?? "push failed", permanent: true, now, jitter: 0);
                break;
        }

        return Unit.Value;
    }
}
