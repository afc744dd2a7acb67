using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// Brings the user's open orders up to date with the broker (fills and cancellations that happened at the broker since, e.g. an
/// Alpaca market order accepted as "new" and filled a moment later). The orders are tracked: the command's save keeps the result.
/// </summary>
internal static class OpenOrderRefresh
{
    /// <summary>At most this many open orders are read back per command (the oldest first).</summary>
    public const int MaxOrders = 50;

    /// <summary>Refreshes and returns the open orders read (some may now be filled or cancelled).</summary>
    public static async Task<IReadOnlyList<Order>> RefreshAsync(
        IRepository<Order> orders, IBrokerGateway broker, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        var open = await orders.ListAsync(new OpenOrdersForUserSpec(userId, MaxOrders), cancellationToken);
        foreach (var order in open.Where(o => o.BrokerOrderId is not null))
        {
            if (await broker.GetOrderAsync(userId, order.BrokerOrderId!, cancellationToken) is { } state)
            {
                order.MirrorBroker(state.BrokerOrderId, state.Status, state.FilledQuantity, state.AverageFillPrice, state.RejectReason, now);
            }
        }

        return open;
    }
}
