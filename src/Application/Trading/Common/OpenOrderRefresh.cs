using RiskPlatform.Application.Common.Actors;
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

    /// <summary>
    /// Refreshes and returns the open orders read (some may now be filled, cancelled or rejected). With
    /// <paramref name="changes"/> (a command that hands the open orders back with <see cref="Keep"/>), they come from the account
    /// actor's memory when it has them.
    /// </summary>
    public static async Task<IReadOnlyList<Order>> RefreshAsync(
        IRepository<Order> orders,
        IBrokerGateway broker,
        Guid userId,
        DateTime now,
        TimeSpan brokerAcknowledgement,
        CancellationToken cancellationToken,
        AccountChanges? changes = null)
    {
        var open = changes is null
            ? await orders.ListAsync(new OpenOrdersForUserSpec(userId, MaxOrders), cancellationToken)
            : await LoadForChangeAsync(changes, orders, userId, cancellationToken);
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

    /// <summary>
    /// Hands the account's open orders after this command to its actor: those of <paramref name="read"/> (as refreshed) still
    /// open, and <paramref name="placed"/> when it is. When the read may have been cut at <see cref="MaxOrders"/>, or the orders
    /// now exceed it, the actor is left to load them again.
    /// </summary>
    public static void Keep(AccountChanges changes, IRepository<Order> orders, Guid userId, IReadOnlyList<Order> read, Order placed)
    {
        List<Order> open = [.. read, placed];
        if (read.Count >= MaxOrders || open.Count(IsRead) > MaxOrders)
        {
            changes.Drop(userId, AccountMemoryPart.OpenOrders);
            return;
        }

        changes.Keep<List<Order>>(userId, AccountMemoryPart.OpenOrders, open, CopyOpen, list => list.TrueForAll(orders.IsSaved));
    }

    private static async Task<List<Order>> LoadForChangeAsync(
        AccountChanges changes, IRepository<Order> orders, Guid userId, CancellationToken cancellationToken)
    {
        var open = await changes.LoadAsync<List<Order>>(
            userId,
            AccountMemoryPart.OpenOrders,
            async token => await orders.ListAsync(new OpenOrdersForUserSpec(userId, MaxOrders), token),
            CopyOpen,
            list => list.ConvertAll(orders.Track),
            list => list.TrueForAll(orders.IsSaved),
            cancellationToken) ?? [];
        if (open.Count >= MaxOrders)
        {
            changes.Drop(userId, AccountMemoryPart.OpenOrders);
        }

        return open;
    }

    /// <summary>Whether <see cref="OpenOrdersForUserSpec"/> reads <paramref name="order"/>: open, or awaiting the broker.</summary>
    private static bool IsRead(Order order) => order.IsOpen || order.AwaitsBroker;

    /// <summary>Copies of the orders still open, oldest first: what <see cref="OpenOrdersForUserSpec"/> would read.</summary>
    private static List<Order> CopyOpen(List<Order> orders) =>
        [.. orders.Where(IsRead)
            .OrderBy(o => o.SubmittedAt)
            .Select(o => o.Copy())];
}
