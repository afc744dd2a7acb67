namespace RiskPlatform.Domain.Notifications.Delivery;

/// <summary>What the policy needs besides the notification and the preferences.</summary>
/// <param name="Now">The current instant, UTC (from <c>TimeProvider</c>).</param>
/// <param name="EmailAvailable">Whether an SMTP adapter is configured; when false email is reported unsupported.</param>
/// <param name="AccountEmail">The user's account address, used when the email preference has no override.</param>
/// <param name="SmsAvailable">Whether an SMS adapter (Twilio) is configured; when false sms is reported unsupported.</param>
/// <param name="WebhookEndpoints">The user's active webhook endpoints that receive the notification's type.</param>
/// <param name="PushSubscriptions">The user's browser push subscriptions.</param>
/// <param name="RequireVerifiedContacts">Email and sms go only to addresses in <paramref name="VerifiedContacts"/>.</param>
/// <param name="VerifiedContacts">The user's verified addresses (<see cref="Contacts.ContactPoint.Key"/>).</param>
/// <param name="ChannelsAtCap">Channels on which the user reached their hourly or daily cap (<see cref="DeliveryCaps"/>).</param>
/// <param name="WebsocketKnownOffline">The user is known to have no real-time connection anywhere (false when unknown).</param>
public sealed record DispatchContext(
    DateTime Now,
    bool EmailAvailable,
    string? AccountEmail,
    bool SmsAvailable = false,
    IReadOnlyList<Guid>? WebhookEndpoints = null,
    IReadOnlySet<NotificationChannel>? ChannelsAtCap = null,
    IReadOnlyList<Guid>? PushSubscriptions = null,
    bool RequireVerifiedContacts = false,
    IReadOnlySet<string>? VerifiedContacts = null,
    bool WebsocketKnownOffline = false)
{
    /// <summary>Whether email or sms may go to <paramref name="recipient"/> (normalized as <see cref="Contacts.ContactPoint.Normalize"/> does).</summary>
    public bool MayReach(NotificationChannel channel, string recipient) =>
        !RequireVerifiedContacts
        || (Contacts.ContactPoint.Normalize(channel, recipient) is { } address && VerifiedContacts?.Contains(Contacts.ContactPoint.KeyOf(channel, address)) == true);
}
