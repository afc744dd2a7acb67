using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The caller's preference rows, oldest first (set-defaults rows come out in type × channel order).</summary>
public sealed class NotificationPreferencesForUserSpec : Specification<NotificationPreference, NotificationPreferenceDto>
{
    public NotificationPreferencesForUserSpec(Guid userId) =>
        Query.Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).OrderBy(p => p.Id);
}
