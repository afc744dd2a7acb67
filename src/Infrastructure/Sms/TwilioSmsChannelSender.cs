using RiskPlatform.Application.Notifications.Templates;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Infrastructure.Notifications;

namespace RiskPlatform.Infrastructure.Sms;

/// <summary>
/// Sms deliveries through Twilio's Messages API (<see cref="TwilioSmsSender"/>), one message per row with a status callback
/// (a digest's leading row carrying the notifications that joined it, <see cref="DigestFollowers"/>).
/// A message Twilio took is sent (its SID kept on the row for the callbacks); Twilio's error codes for an unusable
/// recipient are permanent (<see cref="TwilioErrors"/>); everything else — other errors, 429, 5xx, timeouts — is retried.
/// </summary>
internal sealed class TwilioSmsChannelSender(TwilioSmsSender twilio, DigestFollowers digests, TimeProvider timeProvider) : IDeliveryChannelSender
{
    public const string HttpClientName = TwilioSmsSender.HttpClientName;

    public NotificationChannel Channel => NotificationChannel.Sms;

    public Task PrepareAsync(IReadOnlyCollection<NotificationDelivery> deliveries, CancellationToken cancellationToken) =>
        digests.PrepareAsync(deliveries, cancellationToken);

    public void Record(NotificationDelivery delivery, DeliveryAttempt attempt, DateTime now) => digests.Record(delivery, attempt, now);

    public async Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        if (PhoneNumber.TryNormalize(delivery.Recipient) is not { } to)
        {
            return DeliveryAttempt.Permanent("The delivery has no E.164 phone number.");
        }

        var digest = digests.Digest(notification, delivery, timeProvider.GetUtcNow().UtcDateTime);
        var text = digest.Count > 1 ? DigestMessages.Sms(digest) : SmsText.Render(notification);
        var result = await twilio.SendAsync(to, text, withStatusCallback: true, cancellationToken);
        return result.Sent ? DeliveryAttempt.Sent(result.ProviderId)
            : result.Permanent ? DeliveryAttempt.Permanent(result.Error ?? "Twilio refused the message")
            : DeliveryAttempt.Transient(result.Error ?? "Twilio did not take the message");
    }
}
