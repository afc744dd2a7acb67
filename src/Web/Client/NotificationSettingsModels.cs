namespace RiskPlatform.Web.Client;

/// <summary>Which notifications the inbox lists (<c>GET /notifications</c> query): null is "any".</summary>
public sealed record NotificationFilter(bool? IsRead = null, string? Type = null, string? Priority = null);

/// <summary>The answer of the bulk actions (<c>PUT /notifications/mark-all-read</c>, <c>DELETE /notifications/clear-all</c>).</summary>
public sealed record NotificationBulkResult(string Message, int Count);

/// <summary>One (type, channel) preference row of <c>/notifications/preferences</c>.</summary>
public sealed record NotificationPreference(
    Guid Id,
    string NotificationType,
    string Channel,
    bool IsEnabled,
    string MinPriority,
    bool QuietHoursEnabled,
    int? QuietStartHour,
    int? QuietEndHour,
    string TimeZone,
    int? DigestIntervalMinutes = null)
{
    /// <summary>Only email and sms collect notifications into digests.</summary>
    public bool CanDigest => Channel is "email" or "sms";
}

/// <summary>The body of <c>PUT /notifications/preferences/{id}</c>: absent (null) fields keep their value; a digest of 0 is off.</summary>
public sealed record NotificationPreferenceChange(
    bool? IsEnabled = null,
    bool? QuietHoursEnabled = null,
    int? QuietStartHour = null,
    int? QuietEndHour = null,
    string? TimeZone = null,
    string? MinPriority = null,
    int? DigestIntervalMinutes = null);

/// <summary>A verified (or waiting) email address or phone number of <c>/notifications/contacts</c>.</summary>
public sealed record ContactPoint(Guid Id, string Channel, string Address, DateTime? VerifiedAt);

/// <summary>The body of <c>POST /notifications/contact-verifications</c>: send a code to this address.</summary>
public sealed record ContactVerificationStart(string Channel, string Address);

/// <summary>The body of <c>POST /notifications/contact-verifications/confirm</c>.</summary>
public sealed record ContactVerificationConfirm(string Channel, string Address, string Code);

public sealed record ContactVerification(string Channel, string Address, string Status, DateTime? ExpiresAt, int? AttemptsLeft);

/// <summary>A webhook endpoint as listed: never its secret.</summary>
public sealed record Webhook(
    Guid Id, string Url, IReadOnlyList<string> NotificationTypes, bool IsActive, int ConsecutiveFailures, DateTime? LastSuccessAt,
    DateTime? DisabledAt, string? DisabledReason, DateTime CreatedAt);

public sealed record WebhookRequest(string Url, IReadOnlyList<string>? NotificationTypes);

/// <summary>A registered webhook with its signing secret: the only answer that carries it.</summary>
public sealed record RegisteredWebhook(Guid Id, string Url, string Secret);

/// <summary>A webhook's new signing secret (the old one still signs until <see cref="PreviousSecretExpiresAt"/>): shown once.</summary>
public sealed record RotatedWebhookSecret(Guid Id, string Secret, DateTime PreviousSecretExpiresAt);

/// <summary>The answer of <c>POST /notifications/webhooks/{id}/test</c>: whether a signed test event reached the endpoint.</summary>
public sealed record WebhookTest(bool Delivered, int? StatusCode, string? Error, long DurationMs);

/// <summary>
/// The body of <c>POST /notifications/push-subscriptions</c>: the browser's <c>PushSubscription.toJSON()</c> as it gave it
/// (<c>{endpoint, keys: {p256dh, auth}}</c>).
/// </summary>
public sealed record PushSubscriptionRequest(string Endpoint, PushSubscriptionKeys Keys);

/// <summary>The browser's message encryption keys, base64url: its P-256 public key and its authentication secret.</summary>
public sealed record PushSubscriptionKeys(string P256dh, string Auth);

/// <summary>A subscribed browser as the API lists it: its push service endpoint, never its keys.</summary>
public sealed record PushSubscription(Guid Id, string Endpoint, DateTime CreatedAt, DateTime? LastSuccessAt);

/// <summary>The service's VAPID public key, the <c>applicationServerKey</c> a browser subscribes with.</summary>
public sealed record PushPublicKey(string PublicKey);

/// <summary>The body of <c>DELETE /notifications/push-subscriptions</c>: the subscription named by its endpoint.</summary>
public sealed record PushUnsubscribeRequest(string Endpoint);
