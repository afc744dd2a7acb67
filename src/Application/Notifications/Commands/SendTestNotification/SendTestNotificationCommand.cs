using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.SendTestNotification;

/// <summary>Sends the caller a <c>system_alert</c> through their preferences, by the same create path as every producer.</summary>
public sealed record SendTestNotificationCommand(NotificationPriority Priority = NotificationPriority.High) : ICommand<TestNotificationResult>;
