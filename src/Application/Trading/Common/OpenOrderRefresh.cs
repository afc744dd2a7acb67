using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// Brings the user's open orders up to date with the broker (fills and cancellations that happened at the broker since, e.g. an
/// Alpaca market order accepted as "new" and filled a moment later). An order still awaiting the broker (its answer was lost, or
/// the service stopped between the call and the record) is looked up by its client order id: found, it is mirrored; not found
/// once <see cref="RiskCheckOptions.BrokerAcknowledgement"/> has passed, the broker never took it and it ends rejected — it is
/// never sent again.
/// The orders are tracked: the command's save keeps the result.
/// </summary>
internal static class OpenOrderRefresh
{
    /// <summary>At most this many open orders are read back per command (the oldest first).</summary>
    public const int MaxOrders = 50;

    public const string NotTakenReason = "The broker never received the order (its answer was lost or the service stopped before it was sent); it was not placed.";

    /// <summary>Refreshes and returns the open orders read (some may now be filled, cancelled or rejected).</summary>
    public static async Task<IReadOnlyList<Order>> RefreshAsync(
        IRepository<Order> orders,
        IBrokerGateway broker,
        Guid userId,
        DateTime now,
        TimeSpan brokerAcknowledgement,
        CancellationToken cancellationToken)
    {
        var open = await orders.ListAsync(new OpenOrdersForUserSpec(userId, MaxOrders), cancellationToken);
        foreach (var order in open)
        {
            var state = order.BrokerOrderId is { } brokerOrderId
                ? await broker.GetOrderAsync(userId, brokerOrderId, cancellationToken)
                : order.AwaitsBroker
                    ? await broker.FindOrderByClientOrderIdAsync(userId, order.ClientOrderId, cancellationToken)
                    : null;
            if (state is not null)
            {
                order.MirrorBroker(state.BrokerOrderId, state.Status, state.FilledQuantity, state.AverageFillPrice, state.RejectReason, now);
            }
            else if (order.AwaitsBroker && now - order.SubmittedAt >= brokerAcknowledgement)
            {
                order.RecordNotTakenByBroker(NotTakenReason, now);
            }
        }

        return open;
    }
}
