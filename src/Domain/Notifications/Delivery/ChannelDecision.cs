namespace RiskPlatform.Domain.Notifications.Delivery;

/// <summary>
/// The policy's verdict for one channel. <see cref="Status"/> is one of sent (in-app only), pending, scheduled,
/// suppressed or unsupported; <see cref="NotBefore"/> is set for scheduled (end of the quiet window, UTC) and pending
/// (now); <see cref="Recipient"/> is the email address for email, the E.164 number for sms; <see cref="WebhookEndpointId"/>
/// is the endpoint of a webhook decision (one decision per receiving endpoint), <see cref="PushSubscriptionId"/> the
/// subscription of a push decision (one per subscribed browser).
/// </summary>
public sealed record ChannelDecision(
    NotificationChannel Channel,
    DeliveryStatus Status,
    string Reason,
    DateTime? NotBefore = null,
    string? Recipient = null,
    Guid? WebhookEndpointId = null,
    Guid? PushSubscriptionId = null)
{
    /// <summary>
    /// Whether the decision deserves a delivery row: false when the user did not ask for the channel (disabled, below
    /// min_priority) or the channel cannot serve it (unsupported, not configured) — nothing to do and nothing to show.
    /// </summary>
    public bool HasWork =>
        Status != DeliveryStatus.Unsupported
        && Reason is not (DeliveryReasons.ChannelDisabled or DeliveryReasons.BelowMinPriority);
}
