using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// Records a push on the notification's websocket delivery row (planned <c>pending</c> by the create path), in its own
/// scope and save after the creating command committed: sent (and <c>websocket</c> added to the notification's
/// <c>sent_via</c>), suppressed <c>not_connected</c>, or failed. A row already final, or no row at all, is left alone.
/// </summary>
internal sealed class WebsocketDeliveryRecorder(
    IRepository<NotificationDelivery> deliveries,
    IRepository<Notification> notifications,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider)
{
    public async Task RecordAsync(Guid notificationId, WebsocketPushOutcome outcome, string? error, CancellationToken cancellationToken)
    {
        var delivery = await deliveries.FirstOrDefaultAsync(new WebsocketDeliveryOfNotificationSpec(notificationId), cancellationToken);
        if (delivery is null || delivery.IsTerminal)
        {
            return;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        switch (outcome)
        {
            case WebsocketPushOutcome.Delivered:
                delivery.MarkSent(now);
                var notification = await notifications.FirstOrDefaultAsync(new NotificationForDeliverySpec(notificationId), cancellationToken);
                notification?.RecordDelivered(NotificationChannel.Websocket, now);
                break;
            case WebsocketPushOutcome.NotConnected:
                delivery.Suppress(DeliveryReasons.NotConnected);
                break;
            default:
                delivery.RecordFailure(error ?? "push failed", permanent: true, now, jitter: 0);
                break;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
