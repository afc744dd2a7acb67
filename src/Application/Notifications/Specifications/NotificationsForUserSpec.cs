using Ardalis.Specification;
using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Specifications;

/// <summary>
/// The caller's inbox, newest first (created_at, then id, both descending — the order of ix_notifications_user_inbox).
/// With a cursor only rows strictly older than it are returned: created earlier, or at the same instant with a smaller id.
/// </summary>
public sealed class NotificationsForUserSpec : Specification<Notification, NotificationDto>
{
    public NotificationsForUserSpec(
        Guid userId,
        bool? isRead,
        NotificationPriority? priority,
        NotificationType? type,
        (DateTime CreatedAt, Guid Id)? before,
        int limit,
        int offset)
    {
        // Every column is on the wire: read the rows and map them (no per-call preparation of a wide projection).
        Query.MapAfterReading();
        Query.Where(n => n.UserId == userId);
        if (isRead is { } read)
        {
            Query.Where(n => n.IsRead == read);
        }

        if (priority is { } p)
        {
            Query.Where(n => n.Priority == p);
        }

        if (type is { } t)
        {
            Query.Where(n => n.Type == t);
        }

        if (before is var (createdAt, id))
        {
            // The first condition is implied by the second; it is there so the index scan starts at the cursor
            // (a bare OR is only a filter: the scan would walk every newer row first).
            Query.Where(n => n.CreatedAt <= createdAt);
            Query.Where(n => n.CreatedAt < createdAt || (n.CreatedAt == createdAt && n.Id.CompareTo(id) < 0));
        }

        Query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(offset).Take(limit);
    }
}
