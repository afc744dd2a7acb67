using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Queries.GetNotificationStats;

public sealed record GetNotificationStatsQuery : IQuery<NotificationStatsDto>
{
    /// <summary>How far back <c>recent_count</c> looks.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromHours(24);
}
