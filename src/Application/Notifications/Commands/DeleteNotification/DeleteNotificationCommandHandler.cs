using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.DeleteNotification;

internal sealed class DeleteNotificationCommandHandler(
    IRepository<Notification> notifications,
    ICurrentUser currentUser,
    NotificationPushQueue pushQueue,
    AuditScope audit) : IRequestHandler<DeleteNotificationCommand, Unit>
{
    public async Task<Unit> Handle(DeleteNotificationCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        audit.Target("notification", request.Id).Describe("Deleted a notification");
        var notification = await notifications.FirstOrDefaultAsync(new NotificationByIdSpec(request.Id), cancellationToken)
            ?? throw new NotFoundException("Notification", request.Id);
        if (notification.UserId != userId)
        {
            throw new NotFoundException("Notification", request.Id, belongsToAnotherUser: true);
        }

        // Its delivery rows go with it (cascade): nothing is mailed for a notification the user removed.
        // The count is pushed after every delete, read or not: it is cheap, and the issue lists delete among its pushes.
        notifications.Remove(notification);
        pushQueue.UnreadCountChanged(userId);

        return Unit.Value;
    }
}
