using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.CreateNotificationPreference;

/// <summary>A second row for the same type × channel fails on the unique index: the unit of work turns it into a 409.</summary>
internal sealed class CreateNotificationPreferenceCommandHandler(
    IRepository<NotificationPreference> preferences,
    ICurrentUser currentUser,
    AuditScope audit,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IRequestHandler<CreateNotificationPreferenceCommand, NotificationPreferenceDto>
{
    public Task<NotificationPreferenceDto> Handle(CreateNotificationPreferenceCommand request, CancellationToken cancellationToken)
    {
        var preference = NotificationPreference.Create(
            currentUser.RequireUserId(),
            request.NotificationType!.Value,
            request.Channel!.Value,
            new NotificationPreferenceSettings(
                request.IsEnabled,
                request.MinPriority,
                request.QuietHoursEnabled,
                request.QuietStartHour,
                request.QuietEndHour,
                string.IsNullOrWhiteSpace(request.TimeZone) ? NotificationPreference.DefaultTimeZone : request.TimeZone,
                request.Email,
                request.Phone,
                request.WebhookUrl,
                request.DigestIntervalMinutes));
        // The save stamps these too; set now so that the response carries them.
        preference.CreatedAt = preference.UpdatedAt = timeProvider.GetUtcNow().UtcDateTime;
        preferences.Add(preference);
        audit.Target("notification_preference", preference.Id).Describe("Created a notification preference");
        return Task.FromResult(preference.Adapt<NotificationPreferenceDto>(mapping));
    }
}
