namespace RiskPlatform.Application.Notifications.Common;

/// <summary>The test notification and, per channel, what the caller's preferences made of it.</summary>
public sealed record TestNotificationResult(NotificationDto Notification, IReadOnlyList<NotificationDeliveryDto> Deliveries);
