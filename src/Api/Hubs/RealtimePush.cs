using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Portfolio.Common;

namespace RiskPlatform.Api.Hubs;

/// <summary>
/// One push waiting in <see cref="RealtimePushQueue"/>: a new notification (<see cref="Notification"/> set), the account's latest
/// mark (<see cref="Mark"/> set), or the user's unread count, which the worker reads when it sends it.
/// </summary>
internal sealed record RealtimePush(Guid UserId, NotificationDto? Notification, PortfolioMarkDto? Mark = null)
{
    /// <summary>The hub method this push is sent as.</summary>
    public string HubMethod => Notification is not null
        ? NotificationHubEvents.NotificationReceived
        : Mark is not null ? NotificationHubEvents.PortfolioMarked : NotificationHubEvents.UnreadCountChanged;

    public static RealtimePush NotificationReceived(Guid userId, NotificationDto notification) => new(userId, notification);

    public static RealtimePush UnreadCountChanged(Guid userId) => new(userId, null);

    public static RealtimePush PortfolioMarked(Guid userId, PortfolioMarkDto mark) => new(userId, null, mark);
}
