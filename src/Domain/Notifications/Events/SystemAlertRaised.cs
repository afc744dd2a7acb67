using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Notifications.Events;

/// <summary>
/// Something in the system needs the user's attention (not a market event): the one producer event of <c>system_alert</c>
/// notifications, which any aggregate may raise. <paramref name="Source"/> names what raised it (e.g. <c>monitor_action</c>) and
/// <paramref name="SourceId"/> the record concerned, so the notification's data can point at it.
/// </summary>
public sealed record SystemAlertRaised(
    Guid UserId,
    NotificationPriority Priority,
    string Title,
    string Message,
    string Source,
    Guid? SourceId,
    DateTime OccurredAt) : IDomainEvent;
