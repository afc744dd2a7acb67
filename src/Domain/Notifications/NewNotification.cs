namespace RiskPlatform.Domain.Notifications;

/// <summary>The caller's input to <see cref="Notification.Create"/>. <see cref="DataJson"/> must be a JSON object (or null for <c>{}</c>).</summary>
public sealed record NewNotification(
    Guid UserId,
    NotificationType Type,
    NotificationPriority Priority,
    string Title,
    string Message,
    string? DataJson = null,
    Guid? StrategyId = null,
    Guid? OrderId = null,
    Guid? TradeId = null,
    DateTime? ExpiresAt = null);
