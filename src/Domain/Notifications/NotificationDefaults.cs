namespace RiskPlatform.Domain.Notifications;

/// <summary>
/// What applies when a user has no preference row for a type × channel; <c>POST /preferences/set-defaults</c> creates rows
/// from the same table (<see cref="All"/>, or <see cref="NotificationPreference.CreateDefault"/>). No quiet hours by default.
/// <list type="bullet">
/// <item><b>in_app</b> and <b>websocket</b>: enabled for every type, min_priority low.</item>
/// <item><b>email</b>: enabled for every type, min_priority high (email is for what needs attention), except
/// daily_summary, api_key_expiring and security_alert, which are mailed at any priority (low).</item>
/// <item><b>webhook</b>: enabled for every type, min_priority low: registering an endpoint is the opt-in, and its own
/// notification_types choose what it receives.</item>
/// <item><b>push</b>: enabled for every type, min_priority high: subscribing a browser is the opt-in, and like email it is
/// for what needs attention.</item>
/// <item><b>sms</b>: disabled, min_priority high should a user enable it (it also needs a phone).</item>
/// </list>
/// </summary>
public static class NotificationDefaults
{
    private static readonly NotificationType[] EmailAtAnyPriority =
    [
        NotificationType.DailySummary,
        NotificationType.ApiKeyExpiring,
        NotificationType.SecurityAlert,
    ];

    /// <summary>Every type × channel, in enum order (types outer, channels inner).</summary>
    public static IReadOnlyList<ChannelDefault> All { get; } =
        [.. Enum.GetValues<NotificationType>().SelectMany(type => Enum.GetValues<NotificationChannel>().Select(channel => Build(type, channel)))];

    public static ChannelDefault For(NotificationType notificationType, NotificationChannel channel)
    {
        if (!Enum.IsDefined(notificationType))
        {
            throw new ArgumentOutOfRangeException(nameof(notificationType), notificationType, "Unknown notification type.");
        }

        if (!Enum.IsDefined(channel))
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown notification channel.");
        }

        return All[((int)notificationType * Enum.GetValues<NotificationChannel>().Length) + (int)channel];
    }

    private static ChannelDefault Build(NotificationType type, NotificationChannel channel) => channel switch
    {
        NotificationChannel.InApp or NotificationChannel.Websocket or NotificationChannel.Webhook => new(type, channel, IsEnabled: true, NotificationPriority.Low),
        NotificationChannel.Email => new(type, channel, IsEnabled: true, EmailAtAnyPriority.Contains(type) ? NotificationPriority.Low : NotificationPriority.High),
        NotificationChannel.Push => new(type, channel, IsEnabled: true, NotificationPriority.High),
        _ => new(type, channel, IsEnabled: false, NotificationPriority.High),
    };
}
