using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Commands.MarkAllNotificationsRead;

/// <summary>Marks every unread notification of the caller read, or only those of one <see cref="Type"/> (a wire value).</summary>
public sealed record MarkAllNotificationsReadCommand(string? Type = null) : ICommand<NotificationBulkResult>;
