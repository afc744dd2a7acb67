namespace RiskPlatform.Domain.Notifications;

/// <summary>
/// The editable settings of a <see cref="NotificationPreference"/>. <see cref="Default"/> mirrors the wire defaults of
/// <c>POST /preferences</c> (enabled, min_priority low, no quiet hours, time zone UTC).
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
    string? WebhookUrl)
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
