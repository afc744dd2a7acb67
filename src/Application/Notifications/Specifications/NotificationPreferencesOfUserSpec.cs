using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>
/// The user's preference rows as aggregates, optionally only those for one type (what dispatch reads). The caller's
/// list as DTOs is <see cref="NotificationPreferenceDtosOfUserSpec"/>.
/// </summary>
public sealed class NotificationPreferencesOfUserSpec : Specification<NotificationPreference>
{
    public NotificationPreferencesOfUserSpec(Guid userId, NotificationType? type = null)
    {
        Query.Where(p => p.UserId == userId);
        if (type is { } t)
        {
            Query.Where(p => p.NotificationType == t);
        }
    }
}
