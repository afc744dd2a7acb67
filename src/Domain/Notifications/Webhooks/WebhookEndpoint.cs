using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Notifications.Webhooks;

/// <summary>
/// A user's HTTPS endpoint that receives their notifications as signed Standard Webhooks events. It receives the types in
/// <see cref="NotificationTypes"/> (all when empty) while <see cref="IsActive"/>; a run of failed attempts disables it
/// (<see cref="RecordFailure"/>). The signing secret is shown once, on creation and rotation, and stored only sealed: the
/// application seals it before it reaches this aggregate, which keeps the stored form as it is given; during the overlap
/// after a rotation both the new and the previous secret sign (<see cref="SigningSecrets"/>). The stored secret is the
/// concurrency token: the outbox updates only the failure counters and timestamps, so its saves clash with nothing but a
/// rotation or a reseal happening meanwhile (and then record again on fresh state), while a rotation and a reseal can
/// never overwrite one another.
/// </summary>
public sealed class WebhookEndpoint : AggregateRoot, IAuditedEntity
{
    public const int UrlMaxLength = 2048;
    /// <summary>Of the stored (sealed) form: a 64-character <c>whsec_</c> secret seals to about 130.</summary>
    public const int SecretMaxLength = 256;
    public const int DisabledReasonMaxLength = 255;

    private readonly List<NotificationType> _notificationTypes = [];

    private WebhookEndpoint()
    {
    }

    public Guid UserId { get; private set; }

    public string Url { get; private set; } = string.Empty;

    /// <summary>The types this endpoint receives; empty means every type.</summary>
    public IReadOnlyList<NotificationType> NotificationTypes => _notificationTypes.AsReadOnly();

    /// <summary>
    /// The current signing secret as stored: sealed by the application (a <c>whsec_</c> + base64 secret,
    /// <see cref="WebhookSecret"/>, inside); a row from before secrets were sealed holds the secret itself until resealed.
    /// </summary>
    public string Secret { get; private set; } = string.Empty;

    /// <summary>The secret before the last rotation, stored like <see cref="Secret"/>; it still signs until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; private set; }

    public DateTime? PreviousSecretExpiresAt { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Failed attempts since the last success.</summary>
    public int ConsecutiveFailures { get; private set; }

    public DateTime? LastSuccessAt { get; private set; }

    public DateTime? LastFailureAt { get; private set; }

    public DateTime? DisabledAt { get; private set; }

    public string? DisabledReason { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <param name="url">Already checked by the caller (scheme, address); here only presence and length.</param>
    /// <param name="storedSecret">The signing secret as it is to be stored (sealed by the caller).</param>
    public static WebhookEndpoint Create(Guid userId, Uri url, IEnumerable<NotificationType> notificationTypes, string storedSecret, DateTime now) =>
        Create(Guid.CreateVersion7(), userId, url, notificationTypes, storedSecret, now);

    /// <summary>With an id chosen by the caller, who sealed the secret for this endpoint before creating it.</summary>
    public static WebhookEndpoint Create(Guid id, Guid userId, Uri url, IEnumerable<NotificationType> notificationTypes, string storedSecret, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.AbsoluteUri;
        if (text.Length > UrlMaxLength)
        {
            throw new DomainException(Errors.UrlTooLong, $"url must be at most {UrlMaxLength} characters.");
        }

        var endpoint = new WebhookEndpoint
        {
            Id = id,
            UserId = userId,
            Url = text,
            Secret = Stored(storedSecret),
            IsActive = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var type in notificationTypes.Distinct())
        {
            if (!Enum.IsDefined(type))
            {
                throw new DomainException(Errors.NotificationTypeInvalid, "notification_types holds an unknown notification type.");
            }

            endpoint._notificationTypes.Add(type);
        }

        endpoint._notificationTypes.Sort();
        return endpoint;
    }

    /// <summary>Whether a notification of this type goes to this endpoint now.</summary>
    public bool Receives(NotificationType type) => IsActive && (_notificationTypes.Count == 0 || _notificationTypes.Contains(type));

    /// <summary>The secrets that sign a message sent at <paramref name="now"/>: the current one, and the previous one during the overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTime now) =>
        PreviousSecret is { } previous && PreviousSecretExpiresAt is { } expires && now < expires ? [Secret, previous] : [Secret];

    /// <summary>Replaces the secret; the old one keeps signing for <paramref name="overlap"/> so receivers can switch without a gap.</summary>
    public void RotateSecret(string newStoredSecret, DateTime now, TimeSpan overlap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(overlap, TimeSpan.Zero);
        var secret = Stored(newStoredSecret);
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + overlap;
        Secret = secret;
    }

    /// <summary>Replaces the stored forms of the same secrets (sealed anew, e.g. under a new master key); what signs is unchanged.</summary>
    public void ResealSecrets(string storedSecret, string? storedPreviousSecret)
    {
        if ((storedPreviousSecret is null) != (PreviousSecret is null))
        {
            throw new DomainException(Errors.SecretInvalid, "A reseal replaces the secrets there are, no more and no fewer.");
        }

        Secret = Stored(storedSecret);
        PreviousSecret = storedPreviousSecret is null ? null : Stored(storedPreviousSecret);
    }

    public void RecordSuccess(DateTime now)
    {
        ConsecutiveFailures = 0;
        LastSuccessAt = now;
    }

    /// <summary>
    /// Counts a failed attempt; the <paramref name="disableAfter"/>-th in a row disables the endpoint and raises
    /// <see cref="Events.WebhookEndpointDisabled"/> (once).
    /// </summary>
    public void RecordFailure(string reason, DateTime now, int disableAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(disableAfter, 1);
        ConsecutiveFailures++;
        LastFailureAt = now;
        if (!IsActive || ConsecutiveFailures < disableAfter)
        {
            return;
        }

        IsActive = false;
        DisabledAt = now;
        var trimmed = string.IsNullOrWhiteSpace(reason) ? "unknown error" : reason.Trim();
        DisabledReason = trimmed.Length <= DisabledReasonMaxLength ? trimmed : trimmed[..DisabledReasonMaxLength];
        Raise(new Events.WebhookEndpointDisabled(Id, UserId, Url, ConsecutiveFailures, DisabledReason, now));
    }

    private static string Stored(string storedSecret) =>
        !string.IsNullOrWhiteSpace(storedSecret) && storedSecret.Length <= SecretMaxLength
            ? storedSecret
            : throw new DomainException(Errors.SecretInvalid, $"A stored webhook secret is 1 to {SecretMaxLength} characters.");

    /// <summary>Stable <see cref="DomainException.Code"/> values.</summary>
    public static class Errors
    {
        public const string UrlTooLong = "webhook.url_too_long";
        public const string NotificationTypeInvalid = "webhook.notification_type_invalid";
        public const string SecretInvalid = "webhook.secret_invalid";
    }
}
