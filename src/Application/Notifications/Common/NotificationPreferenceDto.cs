using Mapster;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Common;

public sealed record NotificationPreferenceDto(
    Guid Id,
    Guid UserId,
    NotificationType NotificationType,
    NotificationChannel Channel,
    bool IsEnabled,
    NotificationPriority MinPriority,
    bool QuietHoursEnabled,
    int? QuietStartHour,
    int? QuietEndHour,
    string TimeZone,
    string? Email,
    string? Phone,
    string? WebhookUrl,
    int? DigestIntervalMinutes,
    DateTime CreatedAt,
    DateTime UpdatedAt);

internal sealed class NotificationPreferenceDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<NotificationPreference, NotificationPreferenceDto>();
}
