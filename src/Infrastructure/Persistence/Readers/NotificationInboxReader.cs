using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Persistence.Readers;

/// <summary>
/// The inbox's query, compiled once per model. A filter or cursor not given is a null parameter, which EF Core leaves out
/// of the statement it runs (it keeps one statement per combination of null parameters); limit and offset are parameters,
/// so every page of a combination shares one statement and plan. Each seeks <c>ix_notifications_user_inbox</c>.
/// </summary>
internal sealed class NotificationInboxReader(RiskPlatformDbContext dbContext) : INotificationInbox
{
    /// <summary>The page's query (its SQL and plan are tested). <c>beforeId</c> is read only with <c>beforeCreatedAt</c>.</summary>
    internal static readonly Expression<Func<RiskPlatformDbContext, Guid, bool?, NotificationPriority?, NotificationType?, DateTime?, Guid, int, int, IQueryable<Notification>>> Page =
        (db, userId, isRead, priority, type, beforeCreatedAt, beforeId, limit, offset) =>
            db.Set<Notification>().AsNoTracking()
                .Where(n => n.UserId == userId
                    && (isRead == null || n.IsRead == isRead)
                    && (priority == null || n.Priority == priority)
                    && (type == null || n.Type == type)
                    // The first condition is implied by the second; it is there so the index scan starts at the cursor
                    // (a bare OR is only a filter: the scan would walk every newer row first).
                    && (beforeCreatedAt == null
                        || (n.CreatedAt <= beforeCreatedAt
                            && (n.CreatedAt < beforeCreatedAt || (n.CreatedAt == beforeCreatedAt && n.Id.CompareTo(beforeId) < 0)))))
                .OrderByDescending(n => n.CreatedAt)
                .ThenByDescending(n => n.Id)
                .Skip(offset)
                .Take(limit);

    private static readonly CompiledPerModel<Func<RiskPlatformDbContext, Guid, bool?, NotificationPriority?, NotificationType?, DateTime?, Guid, int, int, IAsyncEnumerable<Notification>>> PageQuery =
        new(() => EF.CompileAsyncQuery(Page));

    public async Task<IReadOnlyList<Notification>> PageAsync(
        Guid userId,
        bool? isRead,
        NotificationPriority? priority,
        NotificationType? type,
        (DateTime CreatedAt, Guid Id)? before,
        int limit,
        int offset,
        CancellationToken cancellationToken)
    {
        return await PageQuery.For(dbContext)(
                dbContext, userId, isRead, priority, type, before?.CreatedAt, before?.Id ?? Guid.Empty, limit, offset)
            .ToListAsync(cancellationToken);
    }
}
