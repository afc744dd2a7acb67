using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Dispatch;
using RiskPlatform.Domain.Trading.Events;

namespace RiskPlatform.Application.Notifications.EventHandlers;

/// <summary>
/// An order filled at a real broker (Alpaca) → an <c>order_filled</c> notification (medium). Orders on the paper broker are
/// skipped: the paper account's own <see cref="OrderFilled"/> already notified them.
/// </summary>
internal sealed class NotifyOnBrokerOrderFilled(NotificationDispatcher dispatcher, IBrokerGateway broker)
    : IDomainEventHandler<BrokerOrderFilled>
{
    public async Task Handle(BrokerOrderFilled domainEvent, CancellationToken cancellationToken)
    {
        // The broker the request is routed to (the binding is read once per scope, by the routing itself).
        if (!await broker.IsExternalAsync(domainEvent.UserId, cancellationToken))
        {
            return;
        }

        await dispatcher.CreateAsync(
            OrderNotifications.Filled(
                domainEvent.UserId, domainEvent.OrderId, domainEvent.Symbol, domainEvent.Side, domainEvent.Quantity, domainEvent.AveragePrice, domainEvent.OccurredAt),
            cancellationToken);
    }
}
