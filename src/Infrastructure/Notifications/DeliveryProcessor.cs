using System.Globalization;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Application.Notifications.Templates;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// Sends one claimed email delivery and records the outcome, in its own scope and save: sent (and the channel recorded
/// on the notification), a transient failure (retried with backoff), a permanent failure, or suppressed when the
/// notification expired or is gone.
/// </summary>
internal sealed partial class EmailDeliveryProcessor(
    IRepository<NotificationDelivery> deliveries,
    IRepository<Notification> notifications,
    IEmailSender emailSender,
    IUnitOfWork unitOfWork,
    AfterCommitActions afterCommit,
    TimeProvider timeProvider,
    ILogger<EmailDeliveryProcessor> logger)
{
    /// <summary><see cref="NotificationDelivery.StatusReason"/> when the notification was deleted before its email went out.</summary>
    public const string NotificationDeleted = "notification_deleted";

    /// <summary>The Message-ID of a delivery's email (without angle brackets): the same on every attempt, so a resend is recognisable.</summary>
    public static string MessageIdFor(Guid deliveryId) => string.Create(CultureInfo.InvariantCulture, $"{deliveryId:D}@riskplatform");

    public async Task ProcessAsync(ClaimedDelivery claimed, CancellationToken cancellationToken)
    {
        var delivery = await deliveries.FirstOrDefaultAsync(new OutboxDeliveryByIdSpec(claimed.Id), cancellationToken);
        if (delivery is null || delivery.IsTerminal || delivery.ConcurrencyStamp != claimed.ConcurrencyStamp)
        {
            // Deleted, finished, or claimed by another worker after our lease ran out: theirs now.
            LogTakenOver(logger, claimed.Id);
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
        else if (string.IsNullOrWhiteSpace(delivery.Recipient))
        {
            delivery.RecordFailure("The delivery has no recipient address.", permanent: true, now, Random.Shared.NextDouble());
        }
        else
        {
            var result = await SendAsync(notification, delivery, cancellationToken);
            now = Now();
            switch (result.Outcome)
            {
                case EmailSendOutcome.Sent:
                    delivery.MarkSent(now);
                    notification.RecordDelivered(NotificationChannel.Email, now);
                    break;
                case EmailSendOutcome.PermanentFailure:
                    delivery.RecordFailure(result.Error ?? "permanent failure", permanent: true, now, Random.Shared.NextDouble());
                    break;
                default:
                    delivery.RecordFailure(result.Error ?? "transient failure", permanent: false, now, Random.Shared.NextDouble());
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
        LogRecorded(logger, delivery.Id, delivery.Status, delivery.StatusReason, delivery.Attempts);
    }

    /// <summary>
    /// Renders and sends. Whatever goes wrong short of our own cancellation is a transient failure of this attempt (counted,
    /// backed off, failed after the attempt limit): an exception that escaped here would leave the row pending with no attempt
    /// recorded, claimed again at every lease, forever and unseen. Only the exception's type and message are kept: the sender
    /// already masks its credentials, and no other step holds a secret.
    /// </summary>
    private async Task<EmailSendResult> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            var rendered = NotificationTemplates.Render(notification);
            return await emailSender.SendAsync(
                new EmailMessage(delivery.Recipient!, rendered.Subject, rendered.Text, rendered.Html, MessageIdFor(delivery.Id)),
                cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnexpected(logger, exception, delivery.Id);
            return EmailSendResult.Transient($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Error, Message = "Email delivery {DeliveryId} failed unexpectedly; recorded as a failed attempt")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email delivery {DeliveryId} was taken over or finished elsewhere; skipped")]
    private static partial void LogTakenOver(ILogger logger, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Email delivery {DeliveryId} is {DeliveryStatus} ({StatusReason}) after {Attempts} attempts")]
    private static partial void LogRecorded(ILogger logger, Guid deliveryId, DeliveryStatus deliveryStatus, string? statusReason, int attempts);
}
