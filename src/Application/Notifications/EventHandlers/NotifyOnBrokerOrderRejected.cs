using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Trading.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>
/// An order rejected by a real broker (Alpaca) after it accepted it → an <c>order_rejected</c> notification (high). Orders on the
/// paper broker are skipped: the paper account's own <see cref="OrderRejected"/> already notified them.
/// </summary>
internal sealed class NotifyOnBrokerOrderRejected(NotificationDispatcher dispatcher, IBrokerGateway broker)
    : IDomainEventHandler<BrokerOrderRejected>
{
    public async Task Handle(BrokerOrderRejected domainEvent, CancellationToken cancellationToken)
    {
        // The broker the request is routed to (the binding is read once per scope, by the routing itself).
        if (!await broker.IsExternalAsync(domainEvent.UserId, cancellationToken))
        {
            return;
        }

        await dispatcher.CreateAsync(
            OrderNotifications.Rejected(
                domainEvent.UserId, domainEvent.OrderId, domainEvent.Symbol, domainEvent.Side, domainEvent.Quantity, domainEvent.Reason),
            cancellationToken);
    }
}
