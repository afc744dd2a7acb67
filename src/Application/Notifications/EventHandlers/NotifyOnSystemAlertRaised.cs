using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>A system condition the user must know about → a <c>system_alert</c> notification with the event's priority.</summary>
internal sealed class NotifyOnSystemAlertRaised(NotificationDispatcher dispatcher) : IDomainEventHandler<SystemAlertRaised>
{
    public Task Handle(SystemAlertRaised domainEvent, CancellationToken cancellationToken) =>
        dispatcher.CreateAsync(
            new NewNotification(
                domainEvent.UserId,
                NotificationType.SystemAlert,
                domainEvent.Priority,
                domainEvent.Title,
                domainEvent.Message,
                NotificationText.Data(new { domainEvent.Source, domainEvent.SourceId, RaisedAt = domainEvent.OccurredAt })),
            cancellationToken);
}
