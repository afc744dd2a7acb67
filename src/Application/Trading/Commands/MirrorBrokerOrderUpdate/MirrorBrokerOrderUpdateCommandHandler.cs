using System.Globalization;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Commands.MirrorBrokerOrderUpdate;

/// <summary>
/// Finds the account's order by the broker's order id, else, for an order still awaiting the broker's answer (no broker id
/// yet), by its client order id, and mirrors the update if it moves the order forward (<see cref="Order.MirrorBrokerUpdate"/>):
/// a fill raises the usual events (the order_filled notification) in the same save, and a fill or partial fill queues the
/// account for the monitor after the commit (<see cref="FillMonitoring"/>). An unknown order, a repeated update and a stale one
/// (out of order, or about a finished order) change nothing and write no audit row.
/// </summary>
internal sealed class MirrorBrokerOrderUpdateCommandHandler(
    IRepository<Order> orders,
    ITradingLock tradingLock,
    FillMonitoring monitoring,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<MirrorBrokerOrderUpdateCommand, BrokerUpdateOutcome?>
{
    public async Task<BrokerUpdateOutcome?> Handle(MirrorBrokerOrderUpdateCommand request, CancellationToken cancellationToken)
    {
        audit.ActAs(request.UserId);
        await tradingLock.AcquireAsync(request.UserId, cancellationToken);
        var order = await orders.FirstOrDefaultAsync(new OrderByBrokerOrderIdSpec(request.UserId, request.BrokerOrderId), cancellationToken)
            ?? await AwaitingByClientOrderIdAsync(request, cancellationToken);
        if (order is null)
        {
            audit.Target("order", null).Describe($"Broker update '{request.Event}' for an order RiskPlatform does not hold").Unremarkable();
            return null;
        }

        var outcome = order.MirrorBrokerUpdate(
            request.BrokerOrderId, request.Status, request.FilledQuantity, request.AverageFillPrice, null, timeProvider.GetUtcNow().UtcDateTime);
        audit.Target("order", order.Id);
        if (outcome == BrokerUpdateOutcome.Applied)
        {
            if (order.FilledQuantity > 0m)
            {
                monitoring.EnqueueAfterCommit(order.UserId);
            }

            audit.Describe(string.Create(
                CultureInfo.InvariantCulture,
                $"Broker update '{request.Event}' mirrored: order {order.Id} ({order.Symbol}) {order.Status}, {order.FilledQuantity} filled"));
        }
        else
        {
            audit.Describe($"Broker update '{request.Event}' for order {order.Id} ignored ({outcome})").Unremarkable();
        }

        return outcome;
    }

    /// <summary>
    /// An order still awaiting the broker's answer (no broker id yet) with the update's client order id. An order the broker
    /// already holds under another id is not this one, whatever its client order id.
    /// </summary>
    private async Task<Order?> AwaitingByClientOrderIdAsync(MirrorBrokerOrderUpdateCommand request, CancellationToken cancellationToken) =>
        request.ClientOrderId is { Length: > 0 } clientOrderId
        && await orders.FirstOrDefaultAsync(new OrderByClientOrderIdSpec(request.UserId, clientOrderId), cancellationToken) is { BrokerOrderId: null } order
            ? order
            : null;
}
