using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Queries.ListNotifications;

internal sealed class ListNotificationsQueryHandler(
    IReadRepository<Notification> notifications, INotificationInbox inbox, ICurrentUser currentUser, TypeAdapterConfig mapping)
    : IRequestHandler<ListNotificationsQuery, IReadOnlyList<NotificationDto>>
{
    public async Task<IReadOnlyList<NotificationDto>> Handle(ListNotificationsQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        (DateTime, Guid)? cursor = null;
        if (request.Before is { } before)
        {
            // Another user's id is refused exactly like an unknown one.
            var createdAt = await notifications.FirstOrDefaultAsync(new NotificationCursorSpec(userId, before), cancellationToken)
                ?? throw new ValidationException("before", "before must be the id of one of your notifications.");
            cursor = (createdAt, before);
        }

        var page = await inbox.PageAsync(
            userId,
            request.IsRead,
            WireEnum.ParseOrNull<NotificationPriority>(request.Priority),
            WireEnum.ParseOrNull<NotificationType>(request.Type ?? request.TypeFilter),
            cursor,
            request.Limit,
            request.Offset,
            cancellationToken);
        return [.. page.Select(notification => notification.Adapt<Notification, NotificationDto>(mapping))];
    }
}
