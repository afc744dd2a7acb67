using System.Text.Json.Serialization;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.UpdateNotificationPreference;

/// <summary>
/// A partial update: an absent (null) field keeps its current value. The type and channel are the row's identity and
/// cannot change. An empty string clears <see cref="Email"/>, <see cref="Phone"/> or <see cref="WebhookUrl"/>; 0 turns
/// the digest (<see cref="DigestIntervalMinutes"/>) off.
/// <see cref="Id"/> comes from the route.
/// </summary>
public sealed record UpdateNotificationPreferenceCommand(
    bool? IsEnabled = null,
    NotificationPriority? MinPriority = null,
    bool? QuietHoursEnabled = null,
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

    [JsonIgnore]
    public Guid Id { get; init; }
}
