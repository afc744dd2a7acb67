using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.UpdateNotificationPreference;

internal sealed class UpdateNotificationPreferenceCommandHandler(
    IRepository<NotificationPreference> preferences,
    ICurrentUser currentUser,
    AuditScope audit,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IRequestHandler<UpdateNotificationPreferenceCommand, NotificationPreferenceDto>
{
    public async Task<NotificationPreferenceDto> Handle(UpdateNotificationPreferenceCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        audit.Target("notification_preference", request.Id).Describe("Updated a notification preference");
        var preference = await preferences.FirstOrDefaultAsync(new NotificationPreferenceByIdSpec(request.Id), cancellationToken)
            ?? throw new NotFoundException("NotificationPreference", request.Id);
        if (preference.UserId != userId)
        {
            throw new NotFoundException("NotificationPreference", request.Id, belongsToAnotherUser: true);
        }

        // Merge: what the request leaves out keeps its current value; the aggregate then checks the whole.
        var merged = new NotificationPreferenceSettings(
            request.IsEnabled ?? preference.IsEnabled,
            request.MinPriority ?? preference.MinPriority,
            request.QuietHoursEnabled ?? preference.QuietHoursEnabled,
            request.QuietStartHour ?? preference.QuietStartHour,
            request.QuietEndHour ?? preference.QuietEndHour,
            string.IsNullOrWhiteSpace(request.TimeZone) ? preference.TimeZone : request.TimeZone,
            request.Email ?? preference.Email,
            request.Phone ?? preference.Phone,
            request.WebhookUrl ?? preference.WebhookUrl,
            request.DigestIntervalMinutes ?? preference.DigestIntervalMinutes);

        // Only the merged settings show whether quiet hours end up enabled without hours: a 400 naming the missing one.
        if (merged.QuietHoursEnabled && (merged.QuietStartHour is null || merged.QuietEndHour is null))
        {
            var field = merged.QuietStartHour is null ? "quiet_start_hour" : "quiet_end_hour";
            throw new ValidationException(field, $"{field} is required when quiet_hours_enabled is true.");
        }

        preference.Update(merged);
        preference.UpdatedAt = timeProvider.GetUtcNow().UtcDateTime;
        return preference.Adapt<NotificationPreferenceDto>(mapping);
    }
}
