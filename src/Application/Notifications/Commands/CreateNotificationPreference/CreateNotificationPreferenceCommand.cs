using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.CreateNotificationPreference;

/// <summary>
/// One preference row for the caller. <see cref="NotificationType"/> and <see cref="Channel"/> are required (nullable only
/// so that a missing value is a 400, not the first enum member); the rest default as the wire contract says.
/// </summary>
public sealed record CreateNotificationPreferenceCommand(
    NotificationType? NotificationType,
    NotificationChannel? Channel,
    bool IsEnabled = true,
    NotificationPriority MinPriority = NotificationPriority.Low,
    bool QuietHoursEnabled = false,
    int? QuietStartHour = null,
    int? QuietEndHour = null,
    string? TimeZone = null,
    string? Email = null,
    string? Phone = null,
    string? WebhookUrl = null,
    int? DigestIntervalMinutes = null) : ICommand<NotificationPreferenceDto>, IRequiresRecentMfa
{
    /// <summary>Giving notifications a new address (email, phone, webhook) needs a recent second factor; other settings do not.</summary>
    bool IRequiresRecentMfa.RequiresRecentMfa => !string.IsNullOrEmpty(Email) || !string.IsNullOrEmpty(Phone) || !string.IsNullOrEmpty(WebhookUrl);
}
