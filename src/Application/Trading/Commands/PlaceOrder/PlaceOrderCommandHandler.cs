using RiskPlatform.Application.Common.Actors;
using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Brokers;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Portfolio.Equity;
using RiskPlatform.Domain.Portfolio.State;
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
/// <remarks>
/// The paper broker's orders are rows of this database: the whole path is one transaction under the user's trading lock. An
/// external broker is never called inside a transaction (docs/decisions/020): its reads run before the lock; the accepted order
/// is committed awaiting the broker (<see cref="OrderStatus.PendingNew"/>, counted against the limits from then on), the
/// broker is called with no transaction open, and its answer is recorded in a new one. A crash or a lost answer in between
/// leaves the order awaiting the broker, and the next refresh settles it by its client order id (<see cref="OpenOrderRefresh"/>):
/// it is never sent twice and never lost.
/// </remarks>
internal sealed class PlaceOrderCommandHandler(
    IRepository<Order> orders,
    ActiveRulesReader rules,
    IRepository<RiskBreach> breaches,
    IRepository<PortfolioState> portfolioStates,
    AccountChanges changes,
    IRepository<EquitySnapshot> equityHistory,
    EquityPointSampler equityPoints,
    IBrokerGateway broker,
    IRuleMarketData marketData,
    ITradingLock tradingLock,
    IUnitOfWork unitOfWork,
    ICurrentUser currentUser,
    AuditScope audit,
    IOptions<RiskCheckOptions> options,
    TimeProvider timeProvider) : IRequestHandler<PlaceOrderCommand, PlaceOrderResult>
{
    public async Task<PlaceOrderResult> Handle(PlaceOrderCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var external = await broker.IsExternalAsync(userId, cancellationToken);
        if (external)
        {
            // Nothing is written yet: leave the transaction, so that the broker's reads below hold no lock and no connection.
            await unitOfWork.CommitSoFarAsync(cancellationToken);
        }
        else
        {
            await tradingLock.AcquireAsync(userId, cancellationToken);
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var symbol = TradingSymbol.Normalize(request.Symbol);
        var side = request.Side!.Value;
        var type = request.Type ?? OrderType.Market;
        var timeInForce = request.TimeInForce ?? TimeInForce.Day;
        var quantity = request.Qty!.Value;
        var limitPrice = type == OrderType.Limit ? request.LimitPrice : null;
        var clientOrderId = Order.NormalizeClientOrderId(request.ClientOrderId);

        // Fills and cancellations that happened at the broker since (a real broker reports them later) reach our orders first, and
        // an order left awaiting the broker is settled — also for a resubmission of it, which then answers with the outcome.
        var open = await OpenOrderRefresh.RefreshAsync(orders, broker, userId, now, options.Value.BrokerAcknowledgement, cancellationToken, changes);
        if (clientOrderId is not null
            && await orders.FirstOrDefaultAsync(new OrderByClientOrderIdSpec(userId, clientOrderId), cancellationToken) is { } existing)
        {
            if (!existing.HasSameTerms(symbol, side, type, timeInForce, quantity, limitPrice, request.StrategyId))
            {
                throw new ConflictException(
                    OrderErrors.ClientOrderIdReused,
                    $"Client order id '{clientOrderId}' was already used for order {existing.Id} with different terms.");
            }

            audit.Target("order", existing.Id).Describe($"Resubmitted order {existing.Id} ({clientOrderId}); nothing sent to the broker");
            return new PlaceOrderResult(OrderDto.From(existing), Created: false);
        }

        var activeRules = await rules.ActiveAsync(userId, cancellationToken);
        var (snapshot, account) = await PortfolioSnapshots.LoadAsync(
            broker, orders, userId, symbol, activeRules, now, options.Value.MaxQuoteAge, cancellationToken,
            awaitingBroker: [.. open.Where(o => o.AwaitsBroker)], marketData: marketData);
        if (external)
        {
            await tradingLock.AcquireAsync(userId, cancellationToken);
        }

        // The order is judged on the same baselines as the monitor: the state (created on the account's first order, so the
        // monitor keeps its high-water mark from then on) is marked first — a new trading day rolls the day-start equity and ends
        // an expired reducing state — then its day-start equity and high-water mark replace the broker's.
        var portfolioState = await PortfolioStateMarking.LoadOrCreateAsync(changes, portfolioStates, equityHistory, equityPoints, userId, account, now, cancellationToken);
        snapshot = PortfolioSnapshots.WithPortfolioState(snapshot, portfolioState);

        // Halted refuses every order, reducing those that add exposure: 422 TRADING_HALTED / TRADING_REDUCING, nothing recorded.
        portfolioState.EnsureOrderAllowed(ExposureReduction.ReducesExposure(snapshot, symbol, side, quantity), isMonitorOrder: false, now);

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

        orders.Add(order);
        OpenOrderRefresh.Keep(changes, orders, userId, open, order);
        audit.Target("order", order.Id);
        var brokerRequest = new BrokerOrderRequest(order.ClientOrderId, symbol, side, order.Quantity, type, limitPrice, timeInForce)
        {
            ClientOrderIdIsNew = clientOrderId is null,
        };
        var submitted = external
            ? await SubmitExternallyAsync(order, brokerRequest, now, cancellationToken)
            : await broker.SubmitOrderAsync(userId, brokerRequest, cancellationToken);
        order.MirrorBroker(submitted.BrokerOrderId, submitted.Status, submitted.FilledQuantity, submitted.AverageFillPrice, submitted.RejectReason, now);

        audit.Describe(
            $"Placed order to {WireSide(side)} {Format(order.Quantity)} {symbol} ({decision.Outcome.ToString().ToLowerInvariant()}, {submitted.Status.ToString().ToLowerInvariant()})");
        return new PlaceOrderResult(OrderDto.From(order), Created: true);
    }

    /// <summary>
    /// Commits the order awaiting the broker (with its breaches), then calls the broker with no transaction open. A refusal ends the
    /// order rejected (kept, with the broker's reason) and answers 422 as before; an unknown outcome (the broker could not be
    /// reached, even to ask) leaves it awaiting the broker for the next refresh, and answers 503.
    /// </summary>
    private async Task<BrokerOrder> SubmitExternallyAsync(Order order, BrokerOrderRequest request, DateTime now, CancellationToken cancellationToken)
    {
        order.AwaitBroker();
        await unitOfWork.CommitSoFarAsync(cancellationToken);
        try
        {
            return await broker.SubmitOrderAsync(order.UserId, request, cancellationToken);
        }
        catch (RefusedException refused)
        {
            order.RecordNotTakenByBroker(refused.Message, now);
            audit.Describe($"Order {order.Id} ({order.ClientOrderId}) rejected by the broker");
            throw new RefusedException(refused.Code, refused.Title, refused.Message, refused.Extensions, persistChanges: true);
        }
    }

    private static RefusedException Blocked(RiskDecision decision, string symbol)
    {
        var breached = decision.Breaches.Select(RuleBreachDto.From).ToList();
        var message = decision.FailureReason is { } failure
            ? $"The order for {symbol} was blocked before any rule ran: {failure}"
            : $"The order for {symbol} was blocked by {breached.Count} risk rule(s): {string.Join("; ", decision.Reasons)}";
        return new RefusedException(
            OrderErrors.Blocked,
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
