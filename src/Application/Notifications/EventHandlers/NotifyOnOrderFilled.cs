using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Trading.Paper.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>A paper order filled → an <c>order_filled</c> notification (medium). Other brokers: <see cref="NotifyOnBrokerOrderFilled"/>.</summary>
internal sealed class NotifyOnOrderFilled(NotificationDispatcher dispatcher) : IDomainEventHandler<OrderFilled>
{
    public Task Handle(OrderFilled domainEvent, CancellationToken cancellationToken) =>
        dispatcher.CreateAsync(
            OrderNotifications.Filled(
                domainEvent.UserId, domainEvent.OrderId, domainEvent.Symbol, domainEvent.Side, domainEvent.Quantity, domainEvent.Price, domainEvent.OccurredAt),
            cancellationToken);
}
