using System.Globalization;
using Mapster;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Webhooks;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;
using RiskPlatform.Domain.Notifications.Webhooks;
using RiskPlatform.Infrastructure.Notifications;

namespace RiskPlatform.Infrastructure.Webhooks;

/// <summary>
/// Webhook deliveries: the notification as a signed <c>notification.&lt;type&gt;</c> event to the row's endpoint. The
/// <c>webhook-id</c> is derived from the row, so every retry carries the same one. A batch's endpoints are loaded once
/// (<see cref="PrepareAsync"/>); each attempt then counts on its endpoint (<see cref="Record"/>): a success resets its
/// failure run, a failure extends it (and may disable it); a row for an endpoint deleted or disabled since is dropped.
/// </summary>
internal sealed class WebhookChannelSender(
    IRepository<WebhookEndpoint> endpoints,
    IWebhookSender sender,
    IWebhookSecretVault vault,
    IOptions<WebhookOptions> options,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IDeliveryChannelSender
{
    private Dictionary<Guid, WebhookEndpoint> _prepared = [];

    public NotificationChannel Channel => NotificationChannel.Webhook;

    public static string MessageIdFor(Guid deliveryId) => string.Create(CultureInfo.InvariantCulture, $"msg_{deliveryId:N}");

    public async Task PrepareAsync(IReadOnlyCollection<NotificationDelivery> deliveries, CancellationToken cancellationToken)
    {
        var ids = deliveries.Select(d => d.WebhookEndpointId).OfType<Guid>().Distinct().ToList();
        _prepared = ids.Count == 0
            ? []
            : (await endpoints.ListAsync(new WebhookEndpointsByIdsSpec(ids), cancellationToken)).ToDictionary(e => e.Id);
    }

    public async Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        if (Endpoint(delivery) is not { } endpoint)
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
            new WebhookMessage(new Uri(endpoint.Url), MessageIdFor(delivery.Id), now, body, vault.OpenSigningSecrets(endpoint, now.UtcDateTime)),
            cancellationToken);
        if (result.Outcome == WebhookSendOutcome.Delivered)
        {
            return DeliveryAttempt.Sent();
        }

        var error = result.Error ?? "webhook delivery failed";
        return result.Outcome == WebhookSendOutcome.Refused ? DeliveryAttempt.Permanent(error) : DeliveryAttempt.Transient(error);
    }

    public void Record(NotificationDelivery delivery, DeliveryAttempt attempt, DateTime now)
    {
        if (Endpoint(delivery) is not { } endpoint || attempt.Outcome == DeliveryAttemptOutcome.Dropped)
        {
            return;
        }

        if (attempt.Outcome == DeliveryAttemptOutcome.Sent)
        {
            endpoint.RecordSuccess(now);
        }
        else
        {
            endpoint.RecordFailure(attempt.Detail ?? "webhook delivery failed", now, options.Value.DisableAfterFailures);
        }
    }

    private WebhookEndpoint? Endpoint(NotificationDelivery delivery) =>
        delivery.WebhookEndpointId is { } id ? _prepared.GetValueOrDefault(id) : null;
}
