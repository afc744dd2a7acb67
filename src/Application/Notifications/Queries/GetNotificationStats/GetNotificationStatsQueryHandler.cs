using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Queries.GetNotificationStats;

internal sealed class GetNotificationStatsQueryHandler(INotificationStatsReader stats, ICurrentUser currentUser, TimeProvider timeProvider)
    : IRequestHandler<GetNotificationStatsQuery, NotificationStatsDto>
{
    public Task<NotificationStatsDto> Handle(GetNotificationStatsQuery request, CancellationToken cancellationToken) =>
        stats.ReadAsync(currentUser.RequireUserId(), timeProvider.GetUtcNow().UtcDateTime - GetNotificationStatsQuery.RecentWindow, cancellationToken);
}
