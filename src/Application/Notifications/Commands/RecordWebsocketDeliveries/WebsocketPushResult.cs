namespace RiskPlatform.Application.Notifications.Commands.RecordWebsocketDeliveries;

/// <summary>What one notification push did. <see cref="Error"/> is the push failure, when it failed.</summary>
public sealed record WebsocketPushResult(Guid NotificationId, WebsocketPushOutcome Outcome, string? Error);
