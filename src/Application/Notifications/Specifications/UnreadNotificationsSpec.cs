using Ardalis.Specification;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>The user's unread notifications (optionally of one type); served by ix_notifications_user_unread.</summary>
public sealed class UnreadNotificationsSpec : Specification<Notification>
{
    public UnreadNotificationsSpec(Guid userId, NotificationType? type = null)
    {
        Query.Where(n => n.UserId == userId && !n.IsRead);
        if (type is { } t)
        {
            Query.Where(n => n.Type == t);
        }
    }
}
