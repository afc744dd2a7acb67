using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Commands.RegisterWebhook;

/// <summary>Registers an endpoint for the caller's notifications (<see cref="NotificationTypes"/> empty or missing: every type).</summary>
public sealed record RegisterWebhookCommand(string? Url, IReadOnlyList<NotificationType>? NotificationTypes = null) : ICommand<RegisteredWebhookDto>, IRequiresRecentMfa;
