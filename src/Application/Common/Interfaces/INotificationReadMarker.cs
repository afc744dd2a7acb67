using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Marks every unread notification of a user (optionally of one type) read in one statement inside the command's
/// transaction — the same change <see cref="Notification.MarkRead"/> makes to one row, without loading thousands of them.
/// </summary>
public interface INotificationReadMarker
{
    Task<int> MarkAllReadAsync(Guid userId, NotificationType? type, DateTime readAt, CancellationToken cancellationToken);
}
