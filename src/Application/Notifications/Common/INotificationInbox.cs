using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>
/// A page of a user's inbox as <c>GET /notifications</c> lists it: one compiled query whose filters, cursor and paging are all
/// parameters, instead of a specification translated again on every call (its translation-cache lookup was about a seventh
/// of the endpoint's CPU; docs/PERFORMANCE.md, "<c>GET /notifications</c> through one compiled query").
/// </summary>
public interface INotificationInbox
{
    /// <summary>
    /// <paramref name="userId"/>'s notifications, newest first (<c>created_at</c>, then id, both descending), untracked; each
    /// filter applies only when given. With a <paramref name="before"/> cursor only rows strictly older than it are returned:
    /// created earlier, or at the same instant with a smaller id.
    /// </summary>
    Task<IReadOnlyList<Notification>> PageAsync(
        Guid userId,
        bool? isRead,
        NotificationPriority? priority,
        NotificationType? type,
        (DateTime CreatedAt, Guid Id)? before,
        int limit,
        int offset,
        CancellationToken cancellationToken);
}
