namespace RiskPlatform.Domain.Notifications.Delivery;

/// <summary>
/// Decides, per channel, what happens to a new notification. Pure: no clock, no I/O.
/// <para>The notification row itself is always stored. Then, for each channel in <see cref="NotificationChannel"/> order,
/// with the user's preference row for the notification's type × channel, or <see cref="NotificationDefaults"/> without one:</para>
/// <list type="number">
/// <item>channel disabled → suppressed (<c>channel_disabled</c>); urgent does not override a disabled channel;</item>
/// <item>priority below min_priority → suppressed (<c>below_min_priority</c>), unless urgent;</item>
/// <item>push without a subscribed browser → unsupported (<c>no_push_subscription</c>); email without SMTP → unsupported (<c>email_not_configured</c>);
/// sms without Twilio → unsupported (<c>sms_not_configured</c>); webhook without a receiving endpoint → unsupported
/// (<c>no_webhook_endpoint</c>); email without an address, sms without a phone → suppressed (<c>no_recipient</c>);</item>
/// <item>email or sms to an address the user has not verified (when verification is required) → suppressed
/// (<c>unverified_contact</c>);</item>
/// <item>notification already expired → suppressed (<c>expired</c>), in-app excepted;</item>
/// <item>the channel at the user's cap → suppressed (<c>cap_reached</c>), unless <see cref="DeliveryCaps.IsExempt"/>;</item>
/// <item>inside quiet hours, unless urgent: email, sms and push → scheduled for the end of the window (suppressed <c>expired</c>
/// if the notification expires first), websocket → suppressed (<c>quiet_hours</c>). Quiet hours apply to neither in-app
/// nor webhook (a machine does not sleep);</item>
/// <item>email or sms whose preference has <c>digest_interval_minutes</c>, unless urgent, never capped
/// (<see cref="DeliveryCaps.IsExempt"/>) or expiring before the interval ends → scheduled for the end of the interval
/// (<c>digest</c>; the dispatcher joins it to a digest already open);</item>
/// <item>websocket to a user known to have no connection anywhere → suppressed (<c>not_connected</c>), decided now instead
/// of after a push to nobody;</item>
/// <item>otherwise in-app → sent (<c>stored_in_app</c>); the others → pending (<c>ready</c>), due now; webhook once per
/// receiving endpoint, push once per subscribed browser.</item>
/// </list>
/// <para>Every channel gets a decision; only those that <see cref="ChannelDecision.HasWork"/> become delivery rows.</para>
/// </summary>
public static class DeliveryPolicy
{
    private static readonly NotificationChannel[] Channels = Enum.GetValues<NotificationChannel>();

    /// <param name="preferences">The user's preference rows; rows for other types are ignored.</param>
    public static DispatchPlan Plan(Notification notification, IEnumerable<NotificationPreference> preferences, DispatchContext context)
    {
        var rows = new Dictionary<NotificationChannel, NotificationPreference>();
        foreach (var preference in preferences.Where(p => p.NotificationType == notification.Type))
        {
            if (preference.UserId != notification.UserId)
            {
                throw new ArgumentException("A preference of another user was passed.", nameof(preferences));
            }

            if (!rows.TryAdd(preference.Channel, preference))
            {
                throw new ArgumentException($"Two preferences for {notification.Type} on {preference.Channel}.", nameof(preferences));
            }
        }

        var decisions = Channels
            .Select(channel => Decide(notification, channel, rows.GetValueOrDefault(channel), context))
            .SelectMany(decision => decision switch
            {
                { Channel: NotificationChannel.Webhook, HasWork: true } => context.WebhookEndpoints!.Select(endpoint => decision with { WebhookEndpointId = endpoint }),
                { Channel: NotificationChannel.Push, HasWork: true } => context.PushSubscriptions!.Select(subscription => decision with { PushSubscriptionId = subscription }),
                _ => [decision],
            })
            .ToList();
        return new DispatchPlan(decisions);
    }

    private static ChannelDecision Decide(Notification notification, NotificationChannel channel, NotificationPreference? preference, DispatchContext context)
    {
        var defaults = NotificationDefaults.For(notification.Type, channel);
        var isEnabled = preference?.IsEnabled ?? defaults.IsEnabled;
        var minPriority = preference?.MinPriority ?? defaults.MinPriority;
        var urgent = notification.Priority == NotificationPriority.Urgent;

        if (!isEnabled)
        {
            return new(channel, DeliveryStatus.Suppressed, DeliveryReasons.ChannelDisabled);
        }

        if (!urgent && notification.Priority < minPriority)
        {
            return new(channel, DeliveryStatus.Suppressed, DeliveryReasons.BelowMinPriority);
        }

        string? recipient = null;
        switch (channel)
        {
            case NotificationChannel.Push when context.PushSubscriptions is not { Count: > 0 }:
                return new(channel, DeliveryStatus.Unsupported, DeliveryReasons.NoPushSubscription);
            case NotificationChannel.Webhook when context.WebhookEndpoints is not { Count: > 0 }:
                return new(channel, DeliveryStatus.Unsupported, DeliveryReasons.NoWebhookEndpoint);
            case NotificationChannel.Sms when !context.SmsAvailable:
                return new(channel, DeliveryStatus.Unsupported, DeliveryReasons.SmsNotConfigured);
            case NotificationChannel.Sms:
                recipient = PhoneNumber.TryNormalize(preference?.Phone);
                if (recipient is null)
                {
                    return new(channel, DeliveryStatus.Suppressed, DeliveryReasons.NoRecipient);
                }

                break;
            case NotificationChannel.Email when !context.EmailAvailable:
                return new(channel, DeliveryStatus.Unsupported, DeliveryReasons.EmailNotConfigured);
            case NotificationChannel.Email:
                recipient = preference?.Email ?? (string.IsNullOrWhiteSpace(context.AccountEmail) ? null : context.AccountEmail.Trim());
                if (recipient is null)
                {
                    return new(channel, DeliveryStatus.Suppressed, DeliveryReasons.NoRecipient);
                }

                break;
            case NotificationChannel.InApp:
                return new(channel, DeliveryStatus.Sent, DeliveryReasons.StoredInApp);
            default:
                break;
        }

        if (recipient is not null && !context.MayReach(channel, recipient))
        {
            return new(channel, DeliveryStatus.Suppressed, DeliveryReasons.UnverifiedContact, Recipient: recipient);
        }

        if (notification.IsExpired(context.Now))
        {
            return new(channel, DeliveryStatus.Suppressed, DeliveryReasons.Expired, Recipient: recipient);
        }

        if (context.ChannelsAtCap?.Contains(channel) == true && !DeliveryCaps.IsExempt(notification))
        {
            return new(channel, DeliveryStatus.Suppressed, DeliveryReasons.CapReached, Recipient: recipient);
        }

        if (!urgent && channel != NotificationChannel.Webhook && preference?.GetQuietHours()?.EndOfWindowUtc(context.Now) is { } windowEnd)
        {
            if (channel is not (NotificationChannel.Email or NotificationChannel.Sms or NotificationChannel.Push))
            {
                return new(channel, DeliveryStatus.Suppressed, DeliveryReasons.QuietHours);
            }

            return notification.IsExpired(windowEnd)
                ? new(channel, DeliveryStatus.Suppressed, DeliveryReasons.Expired, Recipient: recipient)
                : new(channel, DeliveryStatus.Scheduled, DeliveryReasons.QuietHours, windowEnd, recipient);
        }

        if (!urgent && channel is NotificationChannel.Email or NotificationChannel.Sms && preference?.DigestIntervalMinutes is { } minutes
            && !DeliveryCaps.IsExempt(notification))
        {
            var due = context.Now.AddMinutes(minutes);
            if (!notification.IsExpired(due))
            {
                return new(channel, DeliveryStatus.Scheduled, DeliveryReasons.Digest, due, recipient);
            }
        }

        if (channel == NotificationChannel.Websocket && context.WebsocketKnownOffline)
        {
            return new(channel, DeliveryStatus.Suppressed, DeliveryReasons.NotConnected);
        }

        return new(channel, DeliveryStatus.Pending, DeliveryReasons.Ready, context.Now, recipient);
    }
}
