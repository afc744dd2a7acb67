using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Trading.Paper.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>A position opened from flat → a <c>position_opened</c> notification (low; the fill itself is notified too).</summary>
internal sealed class NotifyOnPositionOpened(NotificationDispatcher dispatcher) : IDomainEventHandler<PositionOpened>
{
    public Task Handle(PositionOpened domainEvent, CancellationToken cancellationToken)
    {
        var direction = domainEvent.Quantity < 0 ? "short" : "long";
        var size = NotificationText.Number(Math.Abs(domainEvent.Quantity));
        return dispatcher.CreateAsync(
            new NewNotification(
                domainEvent.UserId,
                NotificationType.PositionOpened,
                NotificationPriority.Low,
                $"Opened {direction} {size} {domainEvent.Symbol}",
                $"You opened a {direction} position of {size} {domainEvent.Symbol} at {NotificationText.Number(domainEvent.AverageEntryPrice)}.",
                NotificationText.Data(new
                {
                    domainEvent.PositionId,
                    domainEvent.Symbol,
                    domainEvent.Quantity,
                    domainEvent.AverageEntryPrice,
                })),
            cancellationToken);
    }
}
