using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.MarkAllNotificationsRead;

/// <summary>
/// Loads the unread rows in id-ordered pages and calls <see cref="Notification.MarkRead"/> on each, so the domain stays the
/// only writer of read state; the unit of work saves them once. The trade-off against one bulk UPDATE: every unread row
/// is loaded and tracked (one UPDATE each, batched by EF) — fine for an inbox's unread backlog, not for millions of rows.
/// </summary>
internal sealed class MarkAllNotificationsReadCommandHandler(
    IRepository<Notification> notifications,
    ICurrentUser currentUser,
    NotificationPushQueue pushQueue,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<MarkAllNotificationsReadCommand, NotificationBulkResult>
{
    internal const int PageSize = 500;

    public async Task<NotificationBulkResult> Handle(MarkAllNotificationsReadCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var type = WireEnum.ParseOrNull<NotificationType>(request.Type);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var count = 0;
        Guid? afterId = null;
        while (true)
        {
            var page = await notifications.ListAsync(new UnreadNotificationsPageSpec(userId, type, afterId, PageSize), cancellationToken);
            foreach (var notification in page)
            {
                notification.MarkRead(now);
            }

            count += page.Count;
            if (page.Count < PageSize)
            {
                break;
            }

            afterId = page[^1].Id;
        }

        if (count > 0)
        {
            pushQueue.UnreadCountChanged(userId);
        }

        audit.Target("notification", null).Describe(type is null
            ? $"Marked {count} notifications read"
            : $"Marked {count} {request.Type} notifications read");
        return new NotificationBulkResult($"Marked {count} notification(s) as read.", count);
    }
}
