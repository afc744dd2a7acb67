using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>One page of the user's unread notifications in id order, after <paramref name="afterId"/> (keyset paging for mark-all-read).</summary>
public sealed class UnreadNotificationsPageSpec : Specification<Notification>
{
    public UnreadNotificationsPageSpec(Guid userId, NotificationType? type, Guid? afterId, int pageSize)
    {
        Query.Where(n => n.UserId == userId && !n.IsRead);
        if (type is { } t)
        {
            Query.Where(n => n.Type == t);
        }

        if (afterId is { } after)
        {
            Query.Where(n => n.Id.CompareTo(after) > 0);
        }

        Query.OrderBy(n => n.Id).Take(pageSize);
    }
}
