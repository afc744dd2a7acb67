using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Application.Notifications.Dispatch;

/// <summary>What <see cref="NotificationDispatcher.CreateAsync"/> added: the notification and one delivery row per channel with work to do.</summary>
public sealed record DispatchedNotification(Notification Notification, IReadOnlyList<NotificationDelivery> Deliveries);
