namespace RiskPlatform.Domain.Notifications.Delivery;

/// <summary>Stable codes stored in <see cref="NotificationDelivery.StatusReason"/> and returned in <see cref="ChannelDecision.Reason"/>.</summary>
public static class DeliveryReasons
{
    /// <summary>In-app: the stored row is the delivery.</summary>
    public const string StoredInApp = "stored_in_app";

    /// <summary>Pending: ready to send now.</summary>
    public const string Ready = "ready";

    /// <summary>Email scheduled for the end of the quiet window, or websocket suppressed inside it.</summary>
    public const string QuietHours = "quiet_hours";

    public const string ChannelDisabled = "channel_disabled";

    public const string BelowMinPriority = "below_min_priority";

    /// <summary>A channel accepted in preferences that this service cannot deliver.</summary>
    public const string ChannelNotSupported = "channel_not_supported";

    /// <summary>Push while the user has no browser subscribed (<c>POST /notifications/push-subscriptions</c>).</summary>
    public const string NoPushSubscription = "no_push_subscription";

    /// <summary>Push: the subscription was removed (unsubscribed, or gone at the push service) before the row was sent.</summary>
    public const string SubscriptionDeleted = "subscription_deleted";

    /// <summary>Sms while no SMS adapter (Twilio) is configured.</summary>
    public const string SmsNotConfigured = "sms_not_configured";

    /// <summary>Webhook while the user has no active endpoint that receives the type.</summary>
    public const string NoWebhookEndpoint = "no_webhook_endpoint";

    /// <summary>Webhook: the endpoint was disabled (too many failures) before the row was sent.</summary>
    public const string EndpointDisabled = "endpoint_disabled";

    /// <summary>Webhook: the endpoint was deleted before the row was sent.</summary>
    public const string EndpointDeleted = "endpoint_deleted";

    /// <summary>Sms: the carrier confirmed delivery to the handset (Twilio status callback), on a sent row.</summary>
    public const string DeliveryConfirmed = "delivery_confirmed";

    /// <summary>Sms: the carrier reported the message undelivered after it was accepted (Twilio status callback).</summary>
    public const string Undelivered = "undelivered";

    /// <summary>Email while no SMTP adapter is configured.</summary>
    public const string EmailNotConfigured = "email_not_configured";

    /// <summary>Email with neither a preference override nor an account address.</summary>
    public const string NoRecipient = "no_recipient";

    /// <summary>Email or sms to an address the user has not verified (<c>POST /notifications/contact-verifications</c>).</summary>
    public const string UnverifiedContact = "unverified_contact";

    /// <summary>
    /// Email or sms held for the user's digest (<c>digest_interval_minutes</c>): sent with the others of the interval in one
    /// message when the digest is due.
    /// </summary>
    public const string Digest = "digest";

    /// <summary>The user reached their hourly or daily cap on the channel (urgent and halt notifications are never capped).</summary>
    public const string CapReached = "cap_reached";

    /// <summary>The notification expired before the channel could deliver it.</summary>
    public const string Expired = "expired";

    /// <summary>For <see cref="NotificationDelivery.Suppress"/> when a websocket push finds no connection for the user.</summary>
    public const string NotConnected = "not_connected";

    public const string Delivered = "delivered";

    public const string RetryScheduled = "retry_scheduled";

    public const string PermanentFailure = "permanent_failure";

    public const string AttemptsExhausted = "attempts_exhausted";
}
