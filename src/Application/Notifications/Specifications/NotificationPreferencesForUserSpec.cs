using Ardalis.Specification;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The caller's preference rows, oldest first (ties, such as the rows of one set-defaults call, by id).</summary>
public sealed class NotificationPreferencesForUserSpec : Specification<NotificationPreference, NotificationPreferenceDto>
{
    public NotificationPreferencesForUserSpec(Guid userId) =>
        Query.Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id);
}
