using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications.Delivery;
using RiskPlatform.Domain.Notifications.Events;

namespace RiskPlatform.Domain.Notifications;

/// <summary>
/// One channel attempt for one notification: its own aggregate so an outbox worker can claim and update it without
/// loading the notification. Due when <see cref="IsDue"/>: status pending or scheduled and <see cref="NextAttemptAt"/> ≤ now.
/// </summary>
public sealed class NotificationDelivery : AggregateRoot, IConcurrencyAware
{
    /// <summary>Attempts in total, the first included; the 8th failure is final.</summary>
    public const int MaxAttempts = 8;
    public const int LastErrorMaxLength = 1000;
    public const int StatusReasonMaxLength = 64;
    public const int RecipientMaxLength = 320;
    public const int ExternalIdMaxLength = 64;

    private NotificationDelivery()
    {
    }

    public Guid NotificationId { get; private set; }

    public Guid UserId { get; private set; }

    public NotificationChannel Channel { get; private set; }

    public DeliveryStatus Status { get; private set; }

    /// <summary>Why the row has its status (a <see cref="DeliveryReasons"/> code), e.g. <c>quiet_hours</c> for a scheduled email.</summary>
    public string? StatusReason { get; private set; }

    /// <summary>Attempts made (each <see cref="MarkSent"/> or <see cref="RecordFailure"/> counts one).</summary>
    public int Attempts { get; private set; }

    /// <summary>When the row is next due (pending, scheduled); null once terminal.</summary>
    public DateTime? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The email address for email, the E.164 number for sms; null for the other channels.</summary>
    public string? Recipient { get; private set; }

    /// <summary>The endpoint a webhook row goes to; null for the other channels.</summary>
    public Guid? WebhookEndpointId { get; private set; }

    /// <summary>The browser subscription a push row goes to; null for the other channels.</summary>
    public Guid? PushSubscriptionId { get; private set; }

    /// <summary>
    /// A digest row that joined another (its leader): it goes out inside the leader's message and is recorded with it. Its
    /// own <see cref="NextAttemptAt"/> is only a fallback (after the leader's due time), should the leader vanish.
    /// </summary>
    public Guid? DigestLeaderId { get; private set; }

    /// <summary>The provider's id of the sent message (Twilio's message SID for sms), to match its status callbacks.</summary>
    public string? ExternalId { get; private set; }

    public Guid ConcurrencyStamp { get; set; }

    public bool IsTerminal => Status is DeliveryStatus.Sent or DeliveryStatus.Failed or DeliveryStatus.Suppressed or DeliveryStatus.Unsupported;

    /// <summary>The row for one decision of <see cref="DeliveryPolicy.Plan"/>. An in-app decision is already <see cref="DeliveryStatus.Sent"/>.</summary>
    public static NotificationDelivery FromDecision(Notification notification, ChannelDecision decision, DateTime now)
    {
        var delivery = new NotificationDelivery
        {
            NotificationId = notification.Id,
            UserId = notification.UserId,
            Channel = decision.Channel,
            Status = decision.Status,
            StatusReason = decision.Reason,
            CreatedAt = now,
            Recipient = decision.Recipient is null ? null : Truncate(decision.Recipient, RecipientMaxLength),
            WebhookEndpointId = decision.WebhookEndpointId,
            PushSubscriptionId = decision.PushSubscriptionId,
        };

        switch (decision.Status)
        {
            case DeliveryStatus.Pending:
                delivery.NextAttemptAt = decision.NotBefore ?? now;
                break;
            case DeliveryStatus.Scheduled:
                delivery.NextAttemptAt = decision.NotBefore
                    ?? throw new ArgumentException("A scheduled decision needs the time it is due.", nameof(decision));
                break;
            case DeliveryStatus.Sent:
                delivery.Attempts = 1;
                delivery.SentAt = now;
                break;
            case DeliveryStatus.Failed:
                throw new ArgumentException("The policy never plans a failure.", nameof(decision));
            default:
                break;
        }

        return delivery;
    }

    /// <summary>
    /// Joins this new digest row to an open digest (the <paramref name="leaderId"/> row, due first): it is sent in the leader's
    /// message. <paramref name="fallbackDue"/> (later than the leader) makes it due on its own should the leader be gone.
    /// </summary>
    public void JoinDigest(Guid leaderId, DateTime fallbackDue)
    {
        if (Status != DeliveryStatus.Scheduled || StatusReason != DeliveryReasons.Digest || DigestLeaderId is not null || leaderId == Id)
        {
            throw new InvalidOperationException("Only a new digest row can join a digest.");
        }

        DigestLeaderId = leaderId;
        NextAttemptAt = fallbackDue;
    }

    /// <summary>Moves a waiting digest row's fallback time (its leader is retrying, or was dropped: then <paramref name="due"/> is now).</summary>
    public void DeferDigest(DateTime due)
    {
        EnsureOpen();
        NextAttemptAt = due;
    }

    public bool IsDue(DateTime now) =>
        Status is DeliveryStatus.Pending or DeliveryStatus.Scheduled && NextAttemptAt is { } due && due <= now;

    /// <summary>
    /// Takes the row for an attempt: pushes <see cref="NextAttemptAt"/> to now + lease so that other workers skip it
    /// (the concurrency stamp settles a race). If the worker dies, the row is due again when the lease runs out.
    /// </summary>
    public void Claim(DateTime now, TimeSpan lease)
    {
        EnsureOpen();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        NextAttemptAt = now + lease;
    }

    /// <summary>Idempotent on a sent row; refused on failed, suppressed and unsupported rows.</summary>
    /// <param name="externalId">The provider's id of the message, when it gives one (Twilio's SID).</param>
    public void MarkSent(DateTime now, string? externalId = null)
    {
        if (Status == DeliveryStatus.Sent)
        {
            return;
        }

        EnsureOpen();
        Attempts++;
        ExternalId = string.IsNullOrWhiteSpace(externalId) ? null : Truncate(externalId.Trim(), ExternalIdMaxLength);
        Status = DeliveryStatus.Sent;
        StatusReason = DeliveryReasons.Delivered;
        SentAt = now;
        NextAttemptAt = null;
        Raise(new NotificationDeliverySucceeded(Id, NotificationId, UserId, Channel, now));
    }

    /// <summary>
    /// Records a failed attempt. A transient failure goes back to pending after <see cref="RetryBackoff.Delay"/>; a
    /// permanent failure, or the <see cref="MaxAttempts"/>-th, makes the row failed.
    /// </summary>
    /// <param name="jitter">A random draw in [0, 1) for the backoff (e.g. <c>Random.Shared.NextDouble()</c>).</param>
    public void RecordFailure(string error, bool permanent, DateTime now, double jitter)
    {
        EnsureOpen();
        Attempts++;
        LastError = Truncate(string.IsNullOrWhiteSpace(error) ? "unknown error" : error.Trim(), LastErrorMaxLength);

        if (permanent || Attempts >= MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
            StatusReason = permanent ? DeliveryReasons.PermanentFailure : DeliveryReasons.AttemptsExhausted;
            NextAttemptAt = null;
            Raise(new NotificationDeliveryFailed(Id, NotificationId, UserId, Channel, Attempts, LastError, now));
            return;
        }

        Status = DeliveryStatus.Pending;
        StatusReason = DeliveryReasons.RetryScheduled;
        NextAttemptAt = now + RetryBackoff.Delay(Attempts, jitter);
    }

    /// <summary>
    /// The provider confirmed, after the row was sent, that the message reached the recipient (an SMS status callback).
    /// Idempotent; ignored unless the row is sent (a late callback never revives a failed row).
    /// </summary>
    public void ConfirmDelivered()
    {
        if (Status == DeliveryStatus.Sent)
        {
            StatusReason = DeliveryReasons.DeliveryConfirmed;
        }
    }

    /// <summary>
    /// The provider reported, after accepting the message, that it could not be delivered (an SMS status callback): the
    /// sent row becomes failed (<c>undelivered</c>). Idempotent on a row already failed; refused on an open row.
    /// </summary>
    public void RecordUndelivered(string error, DateTime now)
    {
        if (Status == DeliveryStatus.Failed)
        {
            return;
        }

        if (Status != DeliveryStatus.Sent)
        {
            throw new ConflictException(Errors.NotSent, "Only a sent delivery can be reported undelivered.");
        }

        Status = DeliveryStatus.Failed;
        StatusReason = DeliveryReasons.Undelivered;
        LastError = Truncate(string.IsNullOrWhiteSpace(error) ? "undelivered" : error.Trim(), LastErrorMaxLength);
        Raise(new NotificationDeliveryFailed(Id, NotificationId, UserId, Channel, Attempts, LastError, now));
    }

    /// <summary>Drops an open row without an attempt, e.g. when the notification expired or was deleted before it was due.</summary>
    public void Suppress(string reason)
    {
        EnsureOpen();
        Status = DeliveryStatus.Suppressed;
        StatusReason = Truncate(reason, StatusReasonMaxLength);
        NextAttemptAt = null;
    }

    private void EnsureOpen()
    {
        if (IsTerminal)
        {
            throw new ConflictException(Errors.AlreadyFinal, $"The delivery is already {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private static string Truncate(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        // Never split a surrogate pair.
        var length = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..length];
    }

    public static class Errors
    {
        public const string AlreadyFinal = "notification_delivery.already_final";
        public const string NotSent = "notification_delivery.not_sent";
    }
}
