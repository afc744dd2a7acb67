using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.ClearReadNotifications;

/// <summary>One DELETE statement, inside the command's transaction; the delivery rows follow by cascade. Unread count unchanged.</summary>
internal sealed class ClearReadNotificationsCommandHandler(
    IRepository<Notification> notifications,
    ICurrentUser currentUser,
    AuditScope audit) : IRequestHandler<ClearReadNotificationsCommand, NotificationBulkResult>
{
    public async Task<NotificationBulkResult> Handle(ClearReadNotificationsCommand request, CancellationToken cancellationToken)
    {
        var count = await notifications.DeleteAsync(new ReadNotificationsSpec(currentUser.RequireUserId()), cancellationToken);
        audit.Target("notification", null).Describe($"Cleared {count} read notifications");
        return new NotificationBulkResult($"Deleted {count} read notification(s).", count);
    }
}
