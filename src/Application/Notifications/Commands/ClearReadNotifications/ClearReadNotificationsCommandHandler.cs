using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.ClearReadNotifications;

/// <summary>
/// One DELETE statement, inside the command's transaction; the delivery rows follow by cascade. Only read rows go, so the unread
/// count cannot change, but it is pushed anyway (after the commit): the issue lists clear-all among the pushes, and clients
/// refresh on it.
/// </summary>
internal sealed class ClearReadNotificationsCommandHandler(
    IRepository<Notification> notifications,
    ICurrentUser currentUser,
    NotificationPushQueue pushQueue,
    AuditScope audit) : IRequestHandler<ClearReadNotificationsCommand, NotificationBulkResult>
{
    public async Task<NotificationBulkResult> Handle(ClearReadNotificationsCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var count = await notifications.DeleteAsync(new ReadNotificationsSpec(userId), cancellationToken);
        pushQueue.UnreadCountChanged(userId);
        audit.Target("notification", null).Describe($"Cleared {count} read notifications");
        return new NotificationBulkResult($"Deleted {count} read notification(s).", count);
    }
}
