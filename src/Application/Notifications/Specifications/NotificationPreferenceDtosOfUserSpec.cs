using Ardalis.Specification;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>
/// The caller's preferences as DTOs, oldest first (ties, such as the rows of one set-defaults call, by id). The aggregates
/// themselves, for dispatch and commands, come from <see cref="NotificationPreferencesOfUserSpec"/>.
/// </summary>
public sealed class NotificationPreferenceDtosOfUserSpec : Specification<NotificationPreference, NotificationPreferenceDto>
{
    public NotificationPreferenceDtosOfUserSpec(Guid userId) =>
        Query.Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id);
}
