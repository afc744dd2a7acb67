using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The position (created_at) of the caller's notification used as a keyset cursor.</summary>
public sealed class NotificationCursorSpec : Specification<Notification, DateTime?>
{
    public NotificationCursorSpec(Guid userId, Guid id)
    {
        Query.Where(n => n.Id == id && n.UserId == userId);
        Query.Select(n => (DateTime?)n.CreatedAt);
    }
}
