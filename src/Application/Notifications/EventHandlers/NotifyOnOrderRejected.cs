using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Trading.Paper.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>A paper order rejected → an <c>order_rejected</c> notification (high). Other brokers: <see cref="NotifyOnBrokerOrderRejected"/>.</summary>
internal sealed class NotifyOnOrderRejected(NotificationDispatcher dispatcher) : IDomainEventHandler<OrderRejected>
{
    public Task Handle(OrderRejected domainEvent, CancellationToken cancellationToken) =>
        dispatcher.CreateAsync(
            OrderNotifications.Rejected(
                domainEvent.UserId, domainEvent.OrderId, domainEvent.Symbol, domainEvent.Side, domainEvent.Quantity, domainEvent.Reason),
            cancellationToken);
}
