using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Trading.Paper.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>An order cancelled (by its owner) → an <c>order_cancelled</c> notification (low: the user did it).</summary>
internal sealed class NotifyOnOrderCancelled(NotificationDispatcher dispatcher) : IDomainEventHandler<OrderCancelled>
{
    public Task Handle(OrderCancelled domainEvent, CancellationToken cancellationToken) =>
        dispatcher.CreateAsync(
            new NewNotification(
                domainEvent.UserId,
                NotificationType.OrderCancelled,
                NotificationPriority.Low,
                $"{NotificationText.Side(domainEvent.Side)} {NotificationText.Number(domainEvent.Quantity)} {domainEvent.Symbol} cancelled",
                $"Your order to {WireEnum.Name(domainEvent.Side)} {NotificationText.Number(domainEvent.Quantity)} {domainEvent.Symbol} was cancelled.",
                NotificationText.Data(new
                {
                    domainEvent.Symbol,
                    Side = WireEnum.Name(domainEvent.Side),
                    UnfilledQuantity = domainEvent.Quantity,
                }),
                OrderId: domainEvent.OrderId),
            cancellationToken);
}
