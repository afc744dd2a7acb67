using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Persistence.Readers;

/// <summary>Three grouped counts over ix_notifications_user_unread / ix_notifications_user_inbox; no rows are loaded.</summary>
internal sealed class NotificationStatsReader(RiskPlatformDbContext dbContext) : INotificationStatsReader
{
    public async Task<NotificationStatsDto> ReadAsync(Guid userId, DateTime recentSince, CancellationToken cancellationToken)
    {
        var notifications = dbContext.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var unread = notifications.Where(n => !n.IsRead);

        var byType = await unread.GroupBy(n => n.Type)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byPriority = await unread.GroupBy(n => n.Priority)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var recent = await notifications.CountAsync(n => n.CreatedAt >= recentSince, cancellationToken);

        return new NotificationStatsDto(
            byType.Values.Sum(),
            Enum.GetValues<NotificationType>().ToDictionary(WireEnum.Name, t => byType.GetValueOrDefault(t)),
            Enum.GetValues<NotificationPriority>().ToDictionary(WireEnum.Name, p => byPriority.GetValueOrDefault(p)),
            recent);
    }
}
