using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.MarkNotificationRead;

internal sealed class MarkNotificationReadCommandHandler(
    IRepository<Notification> notifications,
    ICurrentUser currentUser,
    NotificationPushQueue pushQueue,
    AuditScope audit,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IRequestHandler<MarkNotificationReadCommand, NotificationDto>
{
    public async Task<NotificationDto> Handle(MarkNotificationReadCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        audit.Target("notification", request.Id).Describe("Marked a notification read");
        var notification = await notifications.FirstOrDefaultAsync(new NotificationByIdSpec(request.Id), cancellationToken)
            ?? throw new NotFoundException("Notification", request.Id);
        if (notification.UserId != userId)
        {
            throw new NotFoundException("Notification", request.Id, belongsToAnotherUser: true);
        }

        if (!notification.IsRead)
        {
            notification.MarkRead(timeProvider.GetUtcNow().UtcDateTime);
            pushQueue.UnreadCountChanged(userId);
        }

        return notification.Adapt<NotificationDto>(mapping);
    }
}
