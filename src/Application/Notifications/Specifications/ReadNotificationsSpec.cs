using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The user's read notifications (what clear-all deletes).</summary>
public sealed class ReadNotificationsSpec : Specification<Notification>
{
    public ReadNotificationsSpec(Guid userId) => Query.Where(n => n.UserId == userId && n.IsRead);
}
