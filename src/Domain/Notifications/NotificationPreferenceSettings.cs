namespace RiskPlatform.Domain.Notifications;

/// <summary>
/// The editable settings of a <see cref="NotificationPreference"/>. <see cref="Default"/> mirrors the wire defaults of
/// <c>POST /preferences</c> (enabled, min_priority low, no quiet hours, time zone UTC, no digest).
/// <see cref="DigestIntervalMinutes"/>: null or 0 sends each notification on its own; otherwise (email and sms only) the
/// non-urgent ones are collected and sent as one message per that many minutes.
/// </summary>
public sealed record NotificationPreferenceSettings(
    bool IsEnabled,
    NotificationPriority MinPriority,
    bool QuietHoursEnabled,
    int? QuietStartHour,
    int? QuietEndHour,
    string TimeZone,
    string? Email,
    string? Phone,
    string? WebhookUrl,
    int? DigestIntervalMinutes = null)
{
    public static NotificationPreferenceSettings Default { get; } = new(
        IsEnabled: true,
        MinPriority: NotificationPriority.Low,
        QuietHoursEnabled: false,
        QuietStartHour: null,
        QuietEndHour: null,
        TimeZone: NotificationPreference.DefaultTimeZone,
        Email: null,
        Phone: null,
        WebhookUrl: null);
}
