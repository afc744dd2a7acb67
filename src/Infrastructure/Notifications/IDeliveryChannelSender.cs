using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// Sends one outbox delivery of its <see cref="Channel"/> (scoped: it may load and change other aggregates of the same
/// scope, such as the webhook endpoint's failure count, which <see cref="DeliveryProcessor"/> saves with the row).
/// Never throws for a delivery problem; the attempt says what happened.
/// </summary>
internal interface IDeliveryChannelSender
{
    NotificationChannel Channel { get; }

    Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken);
}
