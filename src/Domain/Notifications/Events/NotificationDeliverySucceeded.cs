using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Notifications.Events;

/// <summary>Raised by <see cref="NotificationDelivery.MarkSent"/>: call <see cref="Notification.RecordDelivered"/> on the notification.</summary>
public sealed record NotificationDeliverySucceeded(Guid DeliveryId, Guid NotificationId, Guid UserId, NotificationChannel Channel, DateTime OccurredAt) : IDomainEvent;
