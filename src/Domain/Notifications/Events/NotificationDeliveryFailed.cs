using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Notifications.Events;

/// <summary>Raised when a delivery gives up (permanent failure, or the last attempt failed).</summary>
public sealed record NotificationDeliveryFailed(Guid DeliveryId, Guid NotificationId, Guid UserId, NotificationChannel Channel, int Attempts, string LastError, DateTime OccurredAt) : IDomainEvent;
