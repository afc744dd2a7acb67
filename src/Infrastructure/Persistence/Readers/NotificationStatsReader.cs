using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Persistence.Readers;

/// <summary>Two counts: unread by (type, priority) over ix_notifications_user_unread_kinds, recent over ix_notifications_user_inbox; no rows are loaded.</summary>
internal sealed class NotificationStatsReader(RiskPlatformDbContext dbContext) : INotificationStatsReader
{
    public async Task<NotificationStatsDto> ReadAsync(Guid userId, DateTime recentSince, CancellationToken cancellationToken)
    {
        var notifications = dbContext.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var unread = notifications.Where(n => !n.IsRead);

        // One grouped count over the partial index of unread rows (index-only), folded both ways in memory.
        var groups = await unread.GroupBy(n => new { n.Type, n.Priority })
            .Select(g => new { g.Key.Type, g.Key.Priority, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byType = groups.GroupBy(g => g.Type).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var byPriority = groups.GroupBy(g => g.Priority).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var recent = await notifications.CountAsync(n => n.CreatedAt >= recentSince, cancellationToken);

        return new NotificationStatsDto(
            byType.Values.Sum(),
            Enum.GetValues<NotificationType>().ToDictionary(WireEnum.Name, t => byType.GetValueOrDefault(t)),
            Enum.GetValues<NotificationPriority>().ToDictionary(WireEnum.Name, p => byPriority.GetValueOrDefault(p)),
            recent);
    }
}
