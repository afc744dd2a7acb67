using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Notifications.Events;

/// <summary>Raised by <see cref="Notification.Create"/>: the hook for planning deliveries and pushing over SignalR.</summary>
public sealed record NotificationCreated(Guid NotificationId, Guid UserId, NotificationType Type, NotificationPriority Priority, DateTime OccurredAt) : IDomainEvent;
