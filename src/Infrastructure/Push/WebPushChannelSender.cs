using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Application.Notifications.Templates;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;
using RiskPlatform.Infrastructure.Notifications;
using RiskPlatform.Infrastructure.Webhooks;
using StoredSubscription = RiskPlatform.Domain.Notifications.Push.PushSubscription;
using WebPushSubscription = Lib.Net.Http.WebPush.PushSubscription;

namespace RiskPlatform.Infrastructure.Push;

/// <summary>
/// Push deliveries: the notification's <see cref="PushPayload"/> to the row's browser subscription through its push
/// service (Web Push, RFC 8030), encrypted for that browser (aes128gcm, RFC 8291) and signed with the VAPID key (RFC 8292),
/// by Lib.Net.Http.WebPush over the <see cref="HttpClientName"/> client (the webhook address guard at connect time, no
/// redirects, error bodies cut short). 2xx is sent; 404 / 410 mean the subscription is gone: the row fails and the
/// subscription is removed (<see cref="Record"/>); 408, 429 and 5xx, timeouts and connection failures are retried; any
/// other answer is a permanent failure. A row whose subscription was removed before it went out is dropped.
/// </summary>
internal sealed class WebPushChannelSender(
    IRepository<StoredSubscription> subscriptions,
    IHttpClientFactory httpClients,
    IOptions<PushOptions> options,
    TimeProvider timeProvider) : IDeliveryChannelSender
{
    public const string HttpClientName = "webpush";

    /// <summary>Of a failed answer's body, kept for the error.</summary>
    public const int MaxErrorBodyBytes = 4096;

    private const int MaxErrorSnippet = 200;

    private readonly ConcurrentDictionary<Guid, bool> _gone = new();
    private Dictionary<Guid, StoredSubscription> _prepared = [];

    public NotificationChannel Channel => NotificationChannel.Push;

    public async Task PrepareAsync(IReadOnlyCollection<NotificationDelivery> deliveries, CancellationToken cancellationToken)
    {
        var ids = deliveries.Select(d => d.PushSubscriptionId).OfType<Guid>().Distinct().ToList();
        _prepared = ids.Count == 0
            ? []
            : (await subscriptions.ListAsync(new PushSubscriptionsByIdsSpec(ids), cancellationToken)).ToDictionary(s => s.Id);
    }

    public async Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        if (Subscription(delivery) is not { } stored)
        {
            return DeliveryAttempt.Dropped(DeliveryReasons.SubscriptionDeleted);
        }

        var settings = options.Value;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var subscription = new WebPushSubscription
        {
            Endpoint = stored.Endpoint,
            Keys = new Dictionary<string, string> { ["p256dh"] = stored.P256dh, ["auth"] = stored.Auth },
        };
        var message = new PushMessage(PushPayload.Render(notification))
        {
            TimeToLive = TimeToLiveSeconds(notification, settings.TimeToLive, now),
            Urgency = notification.Priority switch
            {
                NotificationPriority.Urgent or NotificationPriority.High => PushMessageUrgency.High,
                NotificationPriority.Low => PushMessageUrgency.Low,
                _ => PushMessageUrgency.Normal,
            },
        };

        using var vapid = new VapidAuthentication(settings.Vapid.PublicKey!.Trim(), settings.Vapid.PrivateKey!.Trim())
        {
            Subject = settings.Vapid.Subject!.Trim(),
        };
        var client = new PushServiceClient(httpClients.CreateClient(HttpClientName)) { AutoRetryAfter = false };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            await client.RequestPushMessageDeliveryAsync(subscription, message, vapid, VapidAuthenticationScheme.Vapid, timeout.Token);
            return DeliveryAttempt.Sent();
        }
        catch (PushServiceClientException exception)
        {
            var status = (int)exception.StatusCode;
            var error = Error(status, exception.Body);
            if (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                _gone[delivery.Id] = true;
                return DeliveryAttempt.Permanent(error + " (the subscription is gone and was removed)");
            }

            return status is 408 or 429 or >= 500 ? DeliveryAttempt.Transient(error) : DeliveryAttempt.Permanent(error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryAttempt.Transient($"The push service did not answer within {settings.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException exception) when (WebhookAddressRefusedException.In(exception) is { } refused)
        {
            return DeliveryAttempt.Permanent(refused.Message);
        }
        catch (HttpRequestException exception)
        {
            return DeliveryAttempt.Transient($"The push service could not be reached: {exception.Message}");
        }
    }

    public void Record(NotificationDelivery delivery, DeliveryAttempt attempt, DateTime now)
    {
        if (Subscription(delivery) is not { } stored)
        {
            return;
        }

        if (attempt.Outcome == DeliveryAttemptOutcome.Sent)
        {
            stored.RecordSuccess(now);
        }
        else if (_gone.ContainsKey(delivery.Id) && _prepared.Remove(stored.Id))
        {
            subscriptions.Remove(stored);
        }
    }

    private StoredSubscription? Subscription(NotificationDelivery delivery) =>
        delivery.PushSubscriptionId is { } id ? _prepared.GetValueOrDefault(id) : null;

    /// <summary>Until the notification expires, at most the configured time to live.</summary>
    private static int TimeToLiveSeconds(Notification notification, TimeSpan configured, DateTime now)
    {
        var ttl = notification.ExpiresAt is { } expires && expires - now < configured ? expires - now : configured;
        return (int)Math.Max(0, Math.Floor(ttl.TotalSeconds));
    }

    private static string Error(int status, string? body)
    {
        var text = (body ?? string.Empty).ReplaceLineEndings(" ").Trim();
        if (text.Length > MaxErrorSnippet)
        {
            text = text[..MaxErrorSnippet];
        }

        return string.Create(CultureInfo.InvariantCulture, $"HTTP {status}{(text.Length == 0 ? string.Empty : ": " + text)}");
    }
}
