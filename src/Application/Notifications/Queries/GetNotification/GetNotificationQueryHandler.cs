using MediatR;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Queries.GetNotification;

internal sealed class GetNotificationQueryHandler(IReadRepository<Notification> notifications, ICurrentUser currentUser)
    : IRequestHandler<GetNotificationQuery, NotificationDto>
{
    public async Task<NotificationDto> Handle(GetNotificationQuery request, CancellationToken cancellationToken) =>
        await notifications.FirstOrDefaultAsync(new NotificationDtoByIdSpec(currentUser.RequireUserId(), request.Id), cancellationToken)
        ?? throw new NotFoundException("Notification", request.Id);
}
