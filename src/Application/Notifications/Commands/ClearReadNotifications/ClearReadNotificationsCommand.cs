using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Commands.ClearReadNotifications;

/// <summary><c>DELETE /notifications/clear-all</c>: deletes the caller's read notifications (unread ones stay).</summary>
public sealed record ClearReadNotificationsCommand : ICommand<NotificationBulkResult>;
