using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// Sends the outbox deliveries of its <see cref="Channel"/> for <see cref="DeliveryProcessor"/>, one claimed batch per scope,
/// in three steps: <see cref="PrepareAsync"/> loads what the batch needs (e.g. the webhook endpoints, in one query);
/// <see cref="SendAsync"/> runs for several rows at once, so it must only read what was prepared and never touch the
/// scope's database context; <see cref="Record"/> then runs one row at a time and may change the aggregates it prepared
/// (e.g. an endpoint's failure run), which the processor saves with the rows. Never throws for a delivery problem; the
/// attempt says what happened.
/// </summary>
internal interface IDeliveryChannelSender
{
    NotificationChannel Channel { get; }

    Task PrepareAsync(IReadOnlyCollection<NotificationDelivery> deliveries, CancellationToken cancellationToken);

    Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Records a finished attempt on the aggregates the sender prepared; <paramref name="now"/> is when it ended.</summary>
    void Record(NotificationDelivery delivery, DeliveryAttempt attempt, DateTime now);
}
