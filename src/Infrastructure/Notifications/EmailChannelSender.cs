using System.Globalization;
using RiskPlatform.Application.Common.Email;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Templates;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// Email deliveries: the rendered notification to the row's recipient through <see cref="IEmailSender"/>; a digest's leading
/// row carries the notifications that joined it in one message (<see cref="DigestFollowers"/>).
/// </summary>
internal sealed class EmailChannelSender(IEmailSender emailSender, DigestFollowers digests, TimeProvider timeProvider) : IDeliveryChannelSender
{
    public NotificationChannel Channel => NotificationChannel.Email;

    /// <summary>The Message-ID of a delivery's email (without angle brackets): the same on every attempt, so a resend is recognisable.</summary>
    public static string MessageIdFor(Guid deliveryId) => string.Create(CultureInfo.InvariantCulture, $"{deliveryId:D}@riskplatform");

    public Task PrepareAsync(IReadOnlyCollection<NotificationDelivery> deliveries, CancellationToken cancellationToken) =>
        digests.PrepareAsync(deliveries, cancellationToken);

    public void Record(NotificationDelivery delivery, DeliveryAttempt attempt, DateTime now) => digests.Record(delivery, attempt, now);

    public async Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(delivery.Recipient))
        {
            return DeliveryAttempt.Permanent("The delivery has no recipient address.");
        }

        var digest = digests.Digest(notification, delivery, timeProvider.GetUtcNow().UtcDateTime);
        var rendered = digest.Count > 1 ? DigestMessages.Email(digest) : NotificationTemplates.Render(notification);
        var result = await emailSender.SendAsync(
            new EmailMessage(delivery.Recipient, rendered.Subject, rendered.Text, rendered.Html, MessageIdFor(delivery.Id)),
            cancellationToken);
        return result.Outcome switch
        {
            EmailSendOutcome.Sent => DeliveryAttempt.Sent(),
            EmailSendOutcome.PermanentFailure => DeliveryAttempt.Permanent(result.Error ?? "permanent failure"),
            _ => DeliveryAttempt.Transient(result.Error ?? "transient failure"),
        };
    }
}
