using System.Globalization;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.RecordSmsStatus;

/// <summary>
/// Refuses an unsigned or badly signed callback (401), then moves the matching sms row: <c>delivered</c> confirms it,
/// <c>undelivered</c> and <c>failed</c> make it failed. Interim statuses (queued, sending, sent) and unknown message ids
/// change nothing, and answer 204 so the provider does not retry.
/// </summary>
internal sealed class RecordSmsStatusCommandHandler(
    ISmsStatusCallbackVerifier verifier,
    IRepository<NotificationDelivery> deliveries,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<RecordSmsStatusCommand, Unit>
{
    public async Task<Unit> Handle(RecordSmsStatusCommand request, CancellationToken cancellationToken)
    {
        if (!verifier.IsAuthentic(request.Url, request.Parameters, request.Signature))
        {
            throw new UnauthorizedException("sms_status.signature_invalid", "The status callback is not signed by the SMS provider.");
        }

        // A digest's rows went out in one message and share its SID: the callback speaks for all of them.
        var sid = request.Parameters.GetValueOrDefault("MessageSid") ?? request.Parameters.GetValueOrDefault("SmsSid");
        var rows = string.IsNullOrWhiteSpace(sid) ? [] : await deliveries.ListAsync(new SmsDeliveryByExternalIdSpec(sid), cancellationToken);
        if (rows.Count == 0)
        {
            return Unit.Value;
        }

        audit.Target("notification_delivery", rows[0].Id).Describe("Recorded an SMS status callback");
        var status = request.Parameters.GetValueOrDefault("MessageStatus") ?? request.Parameters.GetValueOrDefault("SmsStatus");
        foreach (var delivery in rows)
        {
            switch (status)
            {
                case "delivered":
                    delivery.ConfirmDelivered();
                    break;
                case "undelivered" or "failed" when delivery.Status is DeliveryStatus.Sent or DeliveryStatus.Failed:
                    var code = request.Parameters.GetValueOrDefault("ErrorCode");
                    delivery.RecordUndelivered(
                        string.Create(CultureInfo.InvariantCulture, $"Twilio reported the message {status}{(string.IsNullOrEmpty(code) ? string.Empty : $" (error {code})")}"),
                        timeProvider.GetUtcNow().UtcDateTime);
                    break;
                default:
                    break;
            }
        }

        return Unit.Value;
    }
}
