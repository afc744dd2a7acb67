using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.SetDefaultNotificationPreferences;

/// <summary>Idempotent: a second call finds every pair set and creates nothing (count 0). A concurrent call loses on the unique index (409).</summary>
internal sealed class SetDefaultNotificationPreferencesCommandHandler(
    IRepository<NotificationPreference> preferences,
    ICurrentUser currentUser,
    AuditScope audit) : IRequestHandler<SetDefaultNotificationPreferencesCommand, NotificationBulkResult>
{
    public async Task<NotificationBulkResult> Handle(SetDefaultNotificationPreferencesCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var existing = (await preferences.ListAsync(new NotificationPreferencesOfUserSpec(userId), cancellationToken))
            .Select(p => (p.NotificationType, p.Channel))
            .ToHashSet();

        var count = 0;
        foreach (var missing in NotificationDefaults.All.Where(d => !existing.Contains((d.NotificationType, d.Channel))))
        {
            preferences.Add(NotificationPreference.CreateDefault(userId, missing.NotificationType, missing.Channel));
            count++;
        }

        audit.Target("notification_preference", null).Describe($"Created {count} default notification preferences");
        return new NotificationBulkResult($"Created {count} default preference(s).", count);
    }
}
