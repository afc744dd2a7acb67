using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Application.Notifications.Commands.MarkNotificationRead;

/// <summary>Idempotent: reading a read notification keeps its first read_at.</summary>
public sealed record MarkNotificationReadCommand(Guid Id) : ICommand<NotificationDto>;
