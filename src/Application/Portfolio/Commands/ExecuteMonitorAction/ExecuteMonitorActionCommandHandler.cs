using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Portfolio.Monitoring;
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
/// A broker failure propagates (on the paper broker nothing is committed); the runner then records the failed attempt and
/// retries later. An external broker is never called inside a transaction (see <see cref="LiquidateAsync"/>).
/// </summary>
internal sealed class ExecuteMonitorActionCommandHandler(
    IRepository<MonitorAction> actions,
    IRepository<Order> orders,
    IBrokerGateway broker,
    ITradingLock tradingLock,
    IUnitOfWork unitOfWork,
    AuditScope audit,
    IOptions<RiskCheckOptions> riskOptions,
    TimeProvider timeProvider) : IRequestHandler<ExecuteMonitorActionCommand, MonitorActionStatus>
{
    public async Task<MonitorActionStatus> Handle(ExecuteMonitorActionCommand request, CancellationToken cancellationToken)
    {
        var action = await actions.FirstOrDefaultAsync(new MonitorActionOfUserSpec(request.UserId, request.ActionId), cancellationToken)
            ?? throw new NotFoundException("Monitor action", request.ActionId);
        audit.ActAs(action.UserId).Target("monitor_action", action.Id);
        await tradingLock.AcquireAsync(action.UserId, cancellationToken);
        if (!action.IsPending)
        {
            audit.Describe($"Monitor action already {action.Status.ToString().ToLowerInvariant()}; nothing sent");
            return action.Status;
        }

        var external = await broker.IsExternalAsync(action.UserId, cancellationToken);
        if (action.Kind == MonitorActionKind.CancelOrders)
        {
            await CancelAsync(action, external, cancellationToken);
        }
        else
        {
            await LiquidateAsync(action, external, cancellationToken);
        }

        audit.Describe($"Monitor action for episode {action.EpisodeId}: {action.Result}");
        return action.Status;
    }

    private async Task CancelAsync(MonitorAction action, bool external, CancellationToken cancellationToken)
    {
        if (external)
        {
            // Nothing written yet: the broker is asked and told with no transaction open; the mirrored cancellations and the
            // action's outcome are saved in a new one.
            await unitOfWork.CommitSoFarAsync(cancellationToken);
        }

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

    /// <remarks>
    /// On the paper broker the whole liquidation is one transaction under the trading lock. An external broker is never called
    /// inside one (docs/decisions/020): the positions are read with no transaction open, the liquidation order is committed
    /// awaiting the broker, the broker is called, and the answer recorded in a new transaction. An attempt whose answer was lost
    /// leaves the order awaiting the broker; the retry settles it by its client order id and never sends it twice. While the
    /// broker's record of it cannot be found yet (another runner's call may still be on its way), the action stays pending,
    /// untouched.
    /// </remarks>
    private async Task LiquidateAsync(MonitorAction action, bool external, CancellationToken cancellationToken)
    {
        var symbol = action.Symbol!;
        var clientOrderId = action.ClientOrderId!;
        if (await orders.FirstOrDefaultAsync(new OrderByClientOrderIdSpec(action.UserId, clientOrderId), cancellationToken) is { } recorded)
        {
            if (recorded.AwaitsBroker)
            {
                await unitOfWork.CommitSoFarAsync(cancellationToken);
                await OpenOrderRefresh.RefreshAsync(orders, broker, action.UserId, Now(), riskOptions.Value.BrokerAcknowledgement, cancellationToken);
                if (recorded.AwaitsBroker)
                {
                    // Another attempt's call may be in flight (a second node's runner): the action is left exactly as it is, so
                    // that attempt records its answer; the next retry settles the order by its client order id otherwise.
                    audit.Describe($"Liquidation order {recorded.Id} ({clientOrderId}) is still awaiting the broker's answer; nothing sent again");
                    return;
                }
            }

            action.Complete($"liquidation order {recorded.Id} already recorded ({recorded.Status.ToString().ToLowerInvariant()})", recorded.Id, Now());
            return;
        }

        if (external)
        {
            await unitOfWork.CommitSoFarAsync(cancellationToken);
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
        var request = new BrokerOrderRequest(order.ClientOrderId, symbol, side, size, OrderType.Market, null, TimeInForce.Day);
        BrokerOrder submitted;
        if (external)
        {
            // The intent first (a second runner finds it by its client order id), then the call with no transaction open.
            order.AwaitBroker();
            orders.Add(order);
            await tradingLock.AcquireAsync(action.UserId, cancellationToken);
            await unitOfWork.CommitSoFarAsync(cancellationToken);
            try
            {
                submitted = await broker.SubmitOrderAsync(action.UserId, request, cancellationToken);
            }
            catch (RefusedException refused)
            {
                order.RecordNotTakenByBroker(refused.Message, Now());
                action.Complete($"liquidation of {size} {symbol} refused by the broker: {refused.Message}", order.Id, Now());
                return;
            }
        }
        else
        {
            submitted = await broker.SubmitOrderAsync(action.UserId, request, cancellationToken);
            orders.Add(order);
        }

        order.MirrorBroker(submitted.BrokerOrderId, submitted.Status, submitted.FilledQuantity, submitted.AverageFillPrice, submitted.RejectReason, now);
        action.Complete(
            string.Create(CultureInfo.InvariantCulture, $"{(side == OrderSide.Sell ? "sold" : "bought")} {size} {symbol} ({submitted.Status.ToString().ToLowerInvariant()})"),
            order.Id,
            now);
    }

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;
}
