using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>Aggregate counts over a user's notifications, computed in the database (grouped counts, no rows loaded).</summary>
public interface INotificationStatsReader
{
    /// <param name="recentSince">Notifications created at or after this instant count as recent.</param>
    Task<NotificationStatsDto> ReadAsync(Guid userId, DateTime recentSince, CancellationToken cancellationToken);
}
