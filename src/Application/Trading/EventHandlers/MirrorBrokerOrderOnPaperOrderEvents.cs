using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Trading.Paper.Events;

namespace RiskPlatform.Application.Trading.EventHandlers;

/// <summary>
/// Keeps RiskPlatform's <see cref="Domain.Trading.Orders.Order"/> in step with the paper broker when an order fills, is cancelled,
/// expires or is rejected outside the command that placed it (a crossing quote, an end-of-day expiry). The order's state is read
/// back through the broker port. An order being placed in the same save is not in the database yet; its handler mirrors it.
/// </summary>
internal sealed class MirrorBrokerOrderOnPaperOrderEvents(IRepository<Domain.Trading.Orders.Order> orders, IBrokerGateway broker, TimeProvider timeProvider)
    : IDomainEventHandler<OrderFilled>, IDomainEventHandler<OrderCancelled>, IDomainEventHandler<OrderExpired>, IDomainEventHandler<OrderRejected>
{
    /// <summary>A fill on placement is mirrored by the handler that placed the order, from the broker's answer: nothing to look up.</summary>
    public Task Handle(OrderFilled domainEvent, CancellationToken cancellationToken) =>
        domainEvent.OnPlacement ? Task.CompletedTask : MirrorAsync(domainEvent.UserId, domainEvent.OrderId, cancellationToken);

    public Task Handle(OrderCancelled domainEvent, CancellationToken cancellationToken) =>
        MirrorAsync(domainEvent.UserId, domainEvent.OrderId, cancellationToken);

    public Task Handle(OrderExpired domainEvent, CancellationToken cancellationToken) =>
        MirrorAsync(domainEvent.UserId, domainEvent.OrderId, cancellationToken);

    public Task Handle(OrderRejected domainEvent, CancellationToken cancellationToken) =>
        MirrorAsync(domainEvent.UserId, domainEvent.OrderId, cancellationToken);

    private async Task MirrorAsync(Guid userId, Guid paperOrderId, CancellationToken cancellationToken)
    {
        var brokerOrderId = paperOrderId.ToString();
        var order = await orders.FirstOrDefaultAsync(new OrderByBrokerOrderIdSpec(userId, brokerOrderId), cancellationToken);
        if (order is null)
        {
            return;
        }

        var state = await broker.GetOrderAsync(userId, brokerOrderId, cancellationToken);
        if (state is null)
        {
            return;
        }

        order.MirrorBroker(
            state.BrokerOrderId, state.Status, state.FilledQuantity, state.AverageFillPrice, state.RejectReason, timeProvider.GetUtcNow().UtcDateTime);
    }
}
