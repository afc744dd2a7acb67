namespace RiskPlatform.Domain.Notifications;

/// <summary>The preference that applies to a type × channel when the user has no row for it.</summary>
public sealed record ChannelDefault(NotificationType NotificationType, NotificationChannel Channel, bool IsEnabled, NotificationPriority MinPriority);
