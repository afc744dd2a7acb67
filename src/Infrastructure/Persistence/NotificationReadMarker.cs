using Microsoft.EntityFrameworkCore;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Persistence;

internal sealed class NotificationReadMarker(RiskPlatformDbContext dbContext) : INotificationReadMarker
{
    public Task<int> MarkAllReadAsync(Guid userId, NotificationType? type, DateTime readAt, CancellationToken cancellationToken)
    {
        var unread = dbContext.Set<Notification>().Where(n => n.UserId == userId && !n.IsRead);
        if (type is { } t)
        {
            unread = unread.Where(n => n.Type == t);
        }

        return unread.ExecuteUpdateAsync(
            setters => setters.SetProperty(n => n.IsRead, true).SetProperty(n => n.ReadAt, readAt),
            cancellationToken);
    }
}
