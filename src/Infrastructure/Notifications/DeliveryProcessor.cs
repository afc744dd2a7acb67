using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// Sends one claimed delivery through its channel's <see cref="IDeliveryChannelSender"/> and records the outcome, in its
/// own scope and save: sent (and the channel recorded on the notification), a transient failure (retried with backoff),
/// a permanent failure, or suppressed when the notification expired or is gone or the sender dropped the row.
/// </summary>
internal sealed partial class DeliveryProcessor(
    IRepository<NotificationDelivery> deliveries,
    IRepository<Notification> notifications,
    IEnumerable<IDeliveryChannelSender> senders,
    IUnitOfWork unitOfWork,
    AfterCommitActions afterCommit,
    TimeProvider timeProvider,
    ILogger<DeliveryProcessor> logger)
{
    /// <summary><see cref="NotificationDelivery.StatusReason"/> when the notification was deleted before the row went out.</summary>
    public const string NotificationDeleted = "notification_deleted";

    public async Task ProcessAsync(ClaimedDelivery claimed, CancellationToken cancellationToken)
    {
        var delivery = await deliveries.FirstOrDefaultAsync(new OutboxDeliveryByIdSpec(claimed.Id), cancellationToken);
        if (delivery is null || delivery.IsTerminal || delivery.ConcurrencyStamp != claimed.ConcurrencyStamp)
        {
            // Deleted, finished, or claimed by another worker after our lease ran out: theirs now.
            LogTakenOver(logger, delivery?.Channel, claimed.Id);
            return;
        }

        var now = Now();
        var notification = await notifications.FirstOrDefaultAsync(new NotificationForDeliverySpec(delivery.NotificationId), cancellationToken);
        if (notification is null)
        {
            delivery.Suppress(NotificationDeleted);
        }
        else if (notification.IsExpired(now))
        {
            delivery.Suppress(DeliveryReasons.Expired);
        }
        else
        {
            var attempt = await SendAsync(notification, delivery, cancellationToken);
            now = Now();
            switch (attempt.Outcome)
            {
                case DeliveryAttemptOutcome.Sent:
                    delivery.MarkSent(now, attempt.ExternalId);
                    notification.RecordDelivered(delivery.Channel, now);
                    break;
                case DeliveryAttemptOutcome.PermanentFailure:
                    delivery.RecordFailure(attempt.Detail ?? "permanent failure", permanent: true, now, Random.Shared.NextDouble());
                    break;
                case DeliveryAttemptOutcome.Dropped:
                    delivery.Suppress(attempt.Detail ?? "dropped");
                    break;
                default:
                    delivery.RecordFailure(attempt.Detail ?? "transient failure", permanent: false, now, Random.Shared.NextDouble());
                    break;
            }
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            afterCommit.Discard();
            throw;
        }

        // Saved outside the MediatR pipeline: run what domain event handlers queued for after the commit (e.g. pushes).
        await afterCommit.RunAsync(CancellationToken.None);
        LogRecorded(logger, delivery.Channel, delivery.Id, delivery.Status, delivery.StatusReason, delivery.Attempts);
    }

    /// <summary>
    /// Sends through the channel's sender. Whatever goes wrong short of our own cancellation is a transient failure of this
    /// attempt (counted, backed off, failed after the attempt limit): an exception that escaped here would leave the row
    /// pending with no attempt recorded, claimed again at every lease, forever and unseen. Only the exception's type and
    /// message are kept: the senders already mask their credentials.
    /// </summary>
    private async Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            var sender = senders.FirstOrDefault(s => s.Channel == delivery.Channel)
                ?? throw new InvalidOperationException($"No sender is registered for the {delivery.Channel} channel.");
            return await sender.SendAsync(notification, delivery, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnexpected(logger, exception, delivery.Channel, delivery.Id);
            return DeliveryAttempt.Transient($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} delivery {DeliveryId} failed unexpectedly; recorded as a failed attempt")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, NotificationChannel channel, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} delivery {DeliveryId} was taken over or finished elsewhere; skipped")]
    private static partial void LogTakenOver(ILogger logger, NotificationChannel? channel, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Channel} delivery {DeliveryId} is {DeliveryStatus} ({StatusReason}) after {Attempts} attempts")]
    private static partial void LogRecorded(ILogger logger, NotificationChannel channel, Guid deliveryId, DeliveryStatus deliveryStatus, string? statusReason, int attempts);
}
