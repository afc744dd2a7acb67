using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Commands.PlaceOrder;

/// <summary>
/// The pre-trade path: active rules → snapshot from the broker port → <see cref="RiskEngine.Evaluate"/> → every breach recorded →
/// blocked (422, nothing reaches the broker, the breaches still commit), or accepted/reduced and submitted. Before the engine the
/// portfolio trading state is enforced: halted refuses every order, reducing those that do not only shrink a position. A user with a
/// portfolio state is judged against its day-start equity and high-water mark (the monitor's baselines), not the broker's.
/// </summary>
internal sealed class PlaceOrderCommandHandler(
    IRepository<Order> orders,
    IReadRepository<RiskRule> rules,
    IRepository<RiskBreach> breaches,
    IRepository<PortfolioState> portfolioStates,
    IRepository<EquitySnapshot> equityHistory,
    IBrokerGateway broker,
    ITradingLock tradingLock,
    ICurrentUser currentUser,
    AuditScope audit,
    IOptions<RiskCheckOptions> options,
    TimeProvider timeProvider) : IRequestHandler<PlaceOrderCommand, PlaceOrderResult>
{
    public async Task<PlaceOrderResult> Handle(PlaceOrderCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        await tradingLock.AcquireAsync(userId, cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var symbol = TradingSymbol.Normalize(request.Symbol);
        var side = request.Side!.Value;
        var type = request.Type ?? OrderType.Market;
        var timeInForce = request.TimeInForce ?? TimeInForce.Day;
        var quantity = request.Qty!.Value;
        var limitPrice = type == OrderType.Limit ? request.LimitPrice : null;
        var clientOrderId = Order.NormalizeClientOrderId(request.ClientOrderId);

        if (clientOrderId is not null
            && await orders.FirstOrDefaultAsync(new OrderByClientOrderIdSpec(userId, clientOrderId), cancellationToken) is { } existing)
        {
            if (!existing.HasSameTerms(symbol, side, type, timeInForce, quantity, limitPrice, request.StrategyId))
            {
                throw new ConflictException(
                    OrderErrorCodes.ClientOrderIdReused,
                    $"Client order id '{clientOrderId}' was already used for order {existing.Id} with different terms.");
            }

            audit.Target("order", existing.Id).Describe($"Resubmitted order {existing.Id} ({clientOrderId}); nothing sent to the broker");
            return new PlaceOrderResult(OrderDto.From(existing), Created: false);
        }

        // Fills and cancellations that happened at the broker since (a real broker reports them later) reach our orders first.
        await OpenOrderRefresh.RefreshAsync(orders, broker, userId, now, cancellationToken);
        var activeRules = await rules.ListAsync(new ActiveRiskRulesForUserSpec(userId), cancellationToken);
        var (snapshot, account) = await PreTradeSnapshot.LoadAsync(
            broker, orders, userId, symbol, activeRules, now, options.Value.MaxQuoteAge, cancellationToken);
        // The order is judged on the same baselines as the monitor: the state (created on the account's first order, so the
        // monitor keeps its high-water mark from then on) is marked first — a new trading day rolls the day-start equity and ends
        // an expired reducing state — then its day-start equity and high-water mark replace the broker's.
        var portfolioState = await PortfolioStateStore.LoadOrCreateAsync(portfolioStates, equityHistory, userId, account, now, cancellationToken);
        snapshot = PreTradeSnapshot.WithPortfolioState(snapshot, portfolioState);

        // Halted refuses every order, reducing those that add exposure: 422 TRADING_HALTED / TRADING_REDUCING, nothing recorded.
        portfolioState.EnsureOrderAllowed(PortfolioStateGate.ReducesExposure(snapshot, symbol, side, quantity), isMonitorOrder: false, now);

        var proposed = new ProposedOrder(symbol, side, quantity, type, limitPrice, request.StrategyId);
        var decision = RiskEngine.Evaluate(snapshot, activeRules, proposed);

        if (decision.Outcome == RiskDecisionOutcome.Blocked)
        {
            foreach (var breach in decision.Breaches)
            {
                breaches.Add(breach.Rule.RecordBreach(breach.Observed, breach.Limit, symbol, null, breach.Reason, BreachSource.PreTrade, now));
            }

            audit.Target("order", null).Describe($"Order to {WireSide(side)} {Format(quantity)} {symbol} blocked by risk rules");
            throw Blocked(decision, symbol);
        }

        var alerts = decision.Alerts.Select(RuleBreachDto.From).ToList();
        var order = Order.Accept(
            userId, clientOrderId, symbol, side, type, timeInForce, quantity, decision.ApprovedQuantity, limitPrice, request.StrategyId,
            decision.Outcome, decision.BindingRule?.Rule, OrderDto.WriteAlerts(alerts), now);
        foreach (var breach in decision.Breaches)
        {
            breaches.Add(breach.Rule.RecordBreach(breach.Observed, breach.Limit, symbol, order.Id, breach.Reason, BreachSource.PreTrade, now));
        }

        var submitted = await broker.SubmitOrderAsync(
            userId,
            new BrokerOrderRequest(order.ClientOrderId, symbol, side, order.Quantity, type, limitPrice, timeInForce)
            {
                ClientOrderIdIsNew = clientOrderId is null,
            },
            cancellationToken);
        order.MirrorBroker(submitted.BrokerOrderId, submitted.Status, submitted.FilledQuantity, submitted.AverageFillPrice, submitted.RejectReason, now);
        orders.Add(order);

        audit.Target("order", order.Id).Describe(
            $"Placed order to {WireSide(side)} {Format(order.Quantity)} {symbol} ({decision.Outcome.ToString().ToLowerInvariant()}, {submitted.Status.ToString().ToLowerInvariant()})");
        return new PlaceOrderResult(OrderDto.From(order), Created: true);
    }

    private static RefusedException Blocked(RiskDecision decision, string symbol)
    {
        var breached = decision.Breaches.Select(RuleBreachDto.From).ToList();
        var message = decision.FailureReason is { } failure
            ? $"The order for {symbol} was blocked before any rule ran: {failure}"
            : $"The order for {symbol} was blocked by {breached.Count} risk rule(s): {string.Join("; ", decision.Reasons)}";
        return new RefusedException(
            OrderErrorCodes.Blocked,
            "The order was blocked by risk rules.",
            message,
            new Dictionary<string, object?>
            {
                ["failure_code"] = decision.FailureCode,
                ["reasons"] = decision.Reasons,
                ["breaches"] = breached,
            },
            persistChanges: true);
    }

    private static string WireSide(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
