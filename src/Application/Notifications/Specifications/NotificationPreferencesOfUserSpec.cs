using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>
/// The user's preference rows (of every type) as aggregates: what dispatch remembers and the defaults command completes. The
/// caller's list as DTOs is <see cref="NotificationPreferenceDtosOfUserSpec"/>.
/// </summary>
public sealed class NotificationPreferencesOfUserSpec : Specification<NotificationPreference>
{
    public NotificationPreferencesOfUserSpec(Guid userId) => Query.Where(p => p.UserId == userId);
}
