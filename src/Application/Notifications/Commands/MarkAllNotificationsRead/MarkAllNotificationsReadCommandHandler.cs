using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.MarkAllNotificationsRead;

/// <summary>
/// Marks the caller's unread notifications read in one UPDATE (<see cref="INotificationReadMarker"/>), the same change
/// <see cref="Notification.MarkRead"/> makes to one row; an inbox with thousands unread is not loaded into memory.
/// </summary>
internal sealed class MarkAllNotificationsReadCommandHandler(
    INotificationReadMarker readMarker,
    ICurrentUser currentUser,
    NotificationPushQueue pushQueue,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<MarkAllNotificationsReadCommand, NotificationBulkResult>
{
    public async Task<NotificationBulkResult> Handle(MarkAllNotificationsReadCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var type = WireEnum.ParseOrNull<NotificationType>(request.Type);
        var count = await readMarker.MarkAllReadAsync(userId, type, timeProvider.GetUtcNow().UtcDateTime, cancellationToken);
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
