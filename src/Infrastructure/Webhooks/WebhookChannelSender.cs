using System.Globalization;
using Mapster;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;
using RiskPlatform.Domain.Notifications.Webhooks;
using RiskPlatform.Infrastructure.Notifications;

namespace RiskPlatform.Infrastructure.Webhooks;

/// <summary>
/// Webhook deliveries: the notification as a signed <c>notification.&lt;type&gt;</c> event to the row's endpoint. The
/// <c>webhook-id</c> is derived from the row, so every retry carries the same one. Each attempt counts on the endpoint: a
/// success resets its failure run, a failure extends it (and may disable it); a row for an endpoint deleted or disabled
/// since is dropped.
/// </summary>
internal sealed class WebhookChannelSender(
    IRepository<WebhookEndpoint> endpoints,
    IWebhookSender sender,
    IOptions<WebhookOptions> options,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IDeliveryChannelSender
{
    public NotificationChannel Channel => NotificationChannel.Webhook;

    public static string MessageIdFor(Guid deliveryId) => string.Create(CultureInfo.InvariantCulture, $"msg_{deliveryId:N}");

    public async Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var endpoint = delivery.WebhookEndpointId is { } endpointId
            ? await endpoints.FirstOrDefaultAsync(new WebhookEndpointByIdSpec(endpointId), cancellationToken)
            : null;
        if (endpoint is null)
        {
            return DeliveryAttempt.Dropped(DeliveryReasons.EndpointDeleted);
        }

        if (!endpoint.IsActive)
        {
            return DeliveryAttempt.Dropped(DeliveryReasons.EndpointDisabled);
        }

        var now = timeProvider.GetUtcNow();
        var body = WebhookEvents.ForNotification(notification.Adapt<NotificationDto>(mapping), now);
        var result = await sender.SendAsync(
            new WebhookMessage(new Uri(endpoint.Url), MessageIdFor(delivery.Id), now, body, endpoint.SigningSecrets(now.UtcDateTime)),
            cancellationToken);

        var after = timeProvider.GetUtcNow().UtcDateTime;
        if (result.Outcome == WebhookSendOutcome.Delivered)
        {
            endpoint.RecordSuccess(after);
            return DeliveryAttempt.Sent();
        }

        var error = result.Error ?? "webhook delivery failed";
        endpoint.RecordFailure(error, after, options.Value.DisableAfterFailures);
        return result.Outcome == WebhookSendOutcome.Refused ? DeliveryAttempt.Permanent(error) : DeliveryAttempt.Transient(error);
    }
}
