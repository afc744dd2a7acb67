using System.Globalization;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Portfolio.Commands.ExecuteMonitorAction;

/// <summary>
/// Executes one monitor action under the user's trading lock, through <see cref="IBrokerGateway"/> only:
/// <list type="bullet">
/// <item>cancel: every open order of the symbol (or all), except the monitor's own liquidation orders; each cancelled order is
/// mirrored on RiskPlatform's order;</item>
/// <item>liquidate: the position is re-read now; flat → skipped; otherwise a market order for the whole position on the opposite
/// side, with the episode's deterministic client order id, recorded as an <see cref="Order"/> (so it shows in GET /orders). It is
/// a monitor order: it bypasses the pre-trade engine and the halted/reducing state. When an order with that client order id is
/// already recorded, nothing is sent again.</item>
/// </list>
/// A broker failure propagates (nothing is committed); the runner then records the failed attempt and retries later.
/// </summary>
internal sealed class ExecuteMonitorActionCommandHandler(
    IRepository<MonitorAction> actions,
    IRepository<Order> orders,
    IBrokerGateway broker,
    ITradingLock tradingLock,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<ExecuteMonitorActionCommand, MonitorActionStatus>
{
    public async Task<MonitorActionStatus> Handle(ExecuteMonitorActionCommand request, CancellationToken cancellationToken)
    {
        var action = await actions.FirstOrDefaultAsync(new MonitorActionByIdSpec(request.ActionId), cancellationToken)
            ?? throw new NotFoundException("Monitor action", request.ActionId);
        audit.ActAs(action.UserId).Target("monitor_action", action.Id);
        await tradingLock.AcquireAsync(action.UserId, cancellationToken);
        if (!action.IsPending)
        {
            audit.Describe($"Monitor action already {action.Status.ToString().ToLowerInvariant()}; nothing sent");
            return action.Status;
        }

        if (action.Kind == MonitorActionKind.CancelOrders)
        {
            await CancelAsync(action, cancellationToken);
        }
        else
        {
            await LiquidateAsync(action, cancellationToken);
        }

        audit.Describe($"Monitor action for episode {action.EpisodeId}: {action.Result}");
        return action.Status;
    }

    private async Task CancelAsync(MonitorAction action, CancellationToken cancellationToken)
    {
        var open = await broker.GetOpenOrdersAsync(action.UserId, cancellationToken);
        var cancelled = 0;
        foreach (var order in open)
        {
            if ((action.Symbol is not null && !string.Equals(order.Symbol, action.Symbol, StringComparison.OrdinalIgnoreCase))
                || order.ClientOrderId?.StartsWith(BreachEpisode.ClientOrderIdPrefix, StringComparison.Ordinal) == true)
            {
                continue;
            }

            var result = await broker.CancelOrderAsync(action.UserId, order.BrokerOrderId, cancellationToken);
            if (await orders.FirstOrDefaultAsync(new OrderByBrokerOrderIdSpec(action.UserId, result.BrokerOrderId), cancellationToken) is { } mirrored)
            {
                mirrored.MirrorBroker(result.BrokerOrderId, result.Status, result.FilledQuantity, result.AverageFillPrice, result.RejectReason, Now());
            }

            cancelled++;
        }

        action.Complete(
            string.Create(CultureInfo.InvariantCulture, $"cancelled {cancelled} open order(s){(action.Symbol is null ? string.Empty : " in " + action.Symbol)}"),
            null,
            Now());
    }

    private async Task LiquidateAsync(MonitorAction action, CancellationToken cancellationToken)
    {
        var symbol = action.Symbol!;
        var clientOrderId = action.ClientOrderId!;
        if (await orders.FirstOrDefaultAsync(new OrderByClientOrderIdSpec(action.UserId, clientOrderId), cancellationToken) is { } recorded)
        {
            action.Complete($"liquidation order {recorded.Id} already recorded", recorded.Id, Now());
            return;
        }

        var positions = await broker.GetPositionsAsync(action.UserId, cancellationToken);
        var quantity = positions.Where(p => string.Equals(p.Symbol, symbol, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Quantity);
        if (quantity == 0m)
        {
            action.Skip($"{symbol} already flat; nothing sent", Now());
            return;
        }

        var now = Now();
        var side = quantity > 0m ? OrderSide.Sell : OrderSide.Buy;
        var size = Math.Abs(quantity);
        var order = Order.Accept(
            action.UserId, clientOrderId, symbol, side, OrderType.Market, TimeInForce.Day, size, size, null, null,
            RiskDecisionOutcome.Accepted, null, null, now);
        var submitted = await broker.SubmitOrderAsync(
            action.UserId,
            new BrokerOrderRequest(order.ClientOrderId, symbol, side, size, OrderType.Market, null, TimeInForce.Day),
            cancellationToken);
        order.MirrorBroker(submitted.BrokerOrderId, submitted.Status, submitted.FilledQuantity, submitted.AverageFillPrice, submitted.RejectReason, now);
        orders.Add(order);
        action.Complete(
            string.Create(CultureInfo.InvariantCulture, $"{(side == OrderSide.Sell ? "sold" : "bought")} {size} {symbol} ({submitted.Status.ToString().ToLowerInvariant()})"),
            order.Id,
            now);
    }

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;
}
