using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Trading.Paper.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>A position went flat → a <c>position_closed</c> notification with the realized P&amp;L (medium).</summary>
internal sealed class NotifyOnPositionClosed(NotificationDispatcher dispatcher) : IDomainEventHandler<PositionClosed>
{
    public Task Handle(PositionClosed domainEvent, CancellationToken cancellationToken)
    {
        var direction = domainEvent.Quantity < 0 ? "short" : "long";
        var size = NotificationText.Number(Math.Abs(domainEvent.Quantity));
        var pnl = NotificationText.Number(domainEvent.RealizedPnl);
        return dispatcher.CreateAsync(
            new NewNotification(
                domainEvent.UserId,
                NotificationType.PositionClosed,
                NotificationPriority.Medium,
                $"Closed {direction} {size} {domainEvent.Symbol}, P&L {pnl}",
                $"You closed a {direction} position of {size} {domainEvent.Symbol} at {NotificationText.Number(domainEvent.ExitPrice)} (entry {NotificationText.Number(domainEvent.AverageEntryPrice)}); realized P&L {pnl}.",
                NotificationText.Data(new
                {
                    domainEvent.PositionId,
                    domainEvent.Symbol,
                    domainEvent.Quantity,
                    domainEvent.AverageEntryPrice,
                    domainEvent.ExitPrice,
                    domainEvent.RealizedPnl,
                })),
            cancellationToken);
    }
}
