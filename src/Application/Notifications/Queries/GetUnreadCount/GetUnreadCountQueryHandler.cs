using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Queries.GetUnreadCount;

internal sealed class GetUnreadCountQueryHandler(IReadRepository<Notification> notifications) : IRequestHandler<GetUnreadCountQuery, int>
{
    public Task<int> Handle(GetUnreadCountQuery request, CancellationToken cancellationToken) =>
        notifications.CountAsync(new UnreadNotificationsSpec(request.UserId), cancellationToken);
}
