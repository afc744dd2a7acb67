using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading.Events;

namespace RiskPlatform.Domain.Trading.Orders;

/// <summary>
/// An order as RiskPlatform sees it: what the user asked for, what the pre-trade risk check decided, and the broker's view of
/// it (status, filled quantity, average fill price) mirrored from whichever broker holds it. The shape is broker-neutral: the
/// broker's own id is a string (<see cref="BrokerOrderId"/>). <see cref="ClientOrderId"/> is the idempotency key, unique per user;
/// when the caller gives none, the order's own id is used.
/// </summary>
public sealed class Order : AggregateRoot, IAuditedEntity, IConcurrencyAware
{
    public const int ClientOrderIdMaxLength = 128;
    public const int BrokerOrderIdMaxLength = 64;
    public const int AlertsMaxLength = 8000;
    public const int RejectReasonMaxLength = 500;

    private const int TerminalStage = 3;

    private Order()
    {
    }

    /// <summary>A detached copy with no domain events (every field is a value): what an account's actor remembers of an open order.</summary>
    public Order Copy() => CopyWithoutEvents<Order>();

    public Guid UserId { get; private set; }

    public string ClientOrderId { get; private set; } = string.Empty;

    public string Symbol { get; private set; } = string.Empty;

    public OrderSide Side { get; private set; }

    public OrderType Type { get; private set; }

    public TimeInForce TimeInForce { get; private set; }

    /// <summary>The quantity the user asked for.</summary>
    public decimal RequestedQuantity { get; private set; }

    /// <summary>The quantity sent to the broker: the requested quantity, or less when a reduce_size rule cut it.</summary>
    public decimal Quantity { get; private set; }

    public decimal? LimitPrice { get; private set; }

    public Guid? StrategyId { get; private set; }

    public OrderStatus Status { get; private set; }

    public string? BrokerOrderId { get; private set; }

    public decimal FilledQuantity { get; private set; }

    public decimal? AverageFillPrice { get; private set; }

    public string? RejectReason { get; private set; }

    public RiskDecisionOutcome DecisionOutcome { get; private set; }

    /// <summary>The rule that reduced the order (when <see cref="DecisionOutcome"/> is Reduced).</summary>
    public Guid? BindingRuleId { get; private set; }

    public RiskRuleType? BindingRuleType { get; private set; }

    /// <summary>The alert rules that fired on the order, as a small JSON array written by the application layer (null when none).</summary>
    public string? Alerts { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public DateTime? FilledAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    /// <summary>New, or partially filled: the broker may still fill or cancel it.</summary>
    public bool IsOpen => Status is OrderStatus.New or OrderStatus.PartiallyFilled;

    /// <summary>Recorded before an external broker was called, and not yet acknowledged by it (<see cref="OrderStatus.PendingNew"/>).</summary>
    public bool AwaitsBroker => Status == OrderStatus.PendingNew;

    /// <summary>
    /// An order the risk check let through (accepted or reduced), about to be sent to the broker.
    /// </summary>
    /// <exception cref="DomainException">A blocked decision, a non-positive quantity, or a quantity above the requested one.</exception>
    public static Order Accept(
        Guid userId,
        string? clientOrderId,
        string symbol,
        OrderSide side,
        OrderType type,
        TimeInForce timeInForce,
        decimal requestedQuantity,
        decimal quantity,
        decimal? limitPrice,
        Guid? strategyId,
        RiskDecisionOutcome outcome,
        RiskRule? bindingRule,
        string? alerts,
        DateTime now)
    {
        if (outcome == RiskDecisionOutcome.Blocked)
        {
            throw new DomainException(OrderErrors.Blocked, "A blocked order cannot be submitted.");
        }

        if (quantity <= 0m || quantity > requestedQuantity)
        {
            throw new DomainException(
                OrderErrors.InvalidQuantity, $"The quantity to submit ({quantity}) must be positive and at most the requested {requestedQuantity}.");
        }

        if (alerts is { Length: > AlertsMaxLength })
        {
            throw new DomainException(OrderErrors.AlertsTooLong, $"The alert summary is longer than {AlertsMaxLength} characters.");
        }

        var order = new Order
        {
            UserId = userId,
            Symbol = TradingSymbol.Normalize(symbol),
            Side = side,
            Type = type,
            TimeInForce = timeInForce,
            RequestedQuantity = requestedQuantity,
            Quantity = quantity,
            LimitPrice = limitPrice,
            StrategyId = strategyId,
            Status = OrderStatus.New,
            DecisionOutcome = outcome,
            BindingRuleId = outcome == RiskDecisionOutcome.Reduced ? bindingRule?.Id : null,
            BindingRuleType = outcome == RiskDecisionOutcome.Reduced ? bindingRule?.RuleType : null,
            Alerts = alerts,
            SubmittedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        order.ClientOrderId = NormalizeClientOrderId(clientOrderId) ?? order.Id.ToString("N");
        return order;
    }

    /// <summary>
    /// Marks a just-accepted order as sent to an external broker but not yet acknowledged: it is committed in this state before the
    /// call, so that neither a crash nor a lost answer can lose it (the answer, or the next refresh, moves it on).
    /// </summary>
    /// <exception cref="DomainException">The order is not a new order without a broker id.</exception>
    public void AwaitBroker()
    {
        if (Status != OrderStatus.New || BrokerOrderId is not null)
        {
            throw new DomainException(OrderErrors.NotOpen, $"Order {Id} is {Status} and cannot wait for the broker.");
        }

        Status = OrderStatus.PendingNew;
    }

    /// <summary>
    /// An order awaiting the broker that the broker never took: refused outright, or not found there once the answer was lost.
    /// It ends rejected with <paramref name="reason"/>, and is never sent again (the trader decides whether to place it anew).
    /// </summary>
    /// <exception cref="DomainException">The order is not awaiting the broker.</exception>
    public void RecordNotTakenByBroker(string reason, DateTime now)
    {
        if (!AwaitsBroker)
        {
            throw new DomainException(OrderErrors.NotOpen, $"Order {Id} is {Status}, not awaiting the broker.");
        }

        Status = OrderStatus.Rejected;
        RejectReason = reason is { Length: > RejectReasonMaxLength } ? reason[..RejectReasonMaxLength] : reason;
        UpdatedAt = now;
    }

    /// <summary>Trims the client order id; blank means none. Throws when it is longer than <see cref="ClientOrderIdMaxLength"/>.</summary>
    public static string? NormalizeClientOrderId(string? clientOrderId)
    {
        var trimmed = clientOrderId?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= ClientOrderIdMaxLength
            ? trimmed
            : throw new DomainException(OrderErrors.InvalidClientOrderId, $"Client order id must be at most {ClientOrderIdMaxLength} characters.");
    }

    /// <summary>True when a resubmission with the same client order id asks for the same order.</summary>
    public bool HasSameTerms(string symbol, OrderSide side, OrderType type, TimeInForce timeInForce, decimal requestedQuantity, decimal? limitPrice, Guid? strategyId) =>
        Symbol == symbol && Side == side && Type == type && TimeInForce == timeInForce
        && RequestedQuantity == requestedQuantity && LimitPrice == limitPrice && StrategyId == strategyId;

    /// <summary>
    /// Mirrors the broker's view of the order. Quantities are the broker's; a terminal status stays terminal (a late, older
    /// report never reopens a filled or cancelled order). When the status changes to filled or rejected the order raises
    /// <see cref="BrokerOrderFilled"/> or <see cref="BrokerOrderRejected"/> (once: a repeated report of the same status raises nothing).
    /// </summary>
    public void MirrorBroker(
        string brokerOrderId,
        OrderStatus status,
        decimal filledQuantity,
        decimal? averageFillPrice,
        string? rejectReason,
        DateTime now)
    {
        if (string.IsNullOrWhiteSpace(brokerOrderId) || brokerOrderId.Length > BrokerOrderIdMaxLength)
        {
            throw new DomainException(OrderErrors.InvalidBrokerOrderId, "The broker order id is missing or too long.");
        }

        if (BrokerOrderId is not null && BrokerOrderId != brokerOrderId)
        {
            throw new DomainException(OrderErrors.InvalidBrokerOrderId, $"Order {Id} is held by the broker as {BrokerOrderId}, not {brokerOrderId}.");
        }

        BrokerOrderId = brokerOrderId;
        if (!IsOpen && !AwaitsBroker && status != Status)
        {
            return;
        }

        var previous = Status;
        Status = status;
        FilledQuantity = filledQuantity;
        AverageFillPrice = averageFillPrice;
        RejectReason = rejectReason is { Length: > RejectReasonMaxLength } ? rejectReason[..RejectReasonMaxLength] : rejectReason;
        if (status == OrderStatus.Filled)
        {
            FilledAt ??= now;
        }

        if (status == OrderStatus.Cancelled)
        {
            CancelledAt ??= now;
        }

        UpdatedAt = now;
        if (status != previous && status == OrderStatus.Filled)
        {
            Raise(new BrokerOrderFilled(UserId, Id, brokerOrderId, Symbol, Side, FilledQuantity, AverageFillPrice, now));
        }

        if (status != previous && status == OrderStatus.Rejected)
        {
            Raise(new BrokerOrderRejected(
                UserId, Id, brokerOrderId, Symbol, Side, Quantity, RejectReason ?? "The broker rejected the order without giving a reason.", now));
        }
    }

    /// <summary>
    /// Mirrors one update the broker pushed (a stream event), which may arrive late, twice, or after a newer one: an order only
    /// moves forward. An update is <see cref="BrokerUpdateOutcome.Stale"/> when it reports less filled than the order shows,
    /// an earlier stage (awaiting the broker → new → partially filled → terminal), or anything else about a terminal order;
    /// <see cref="BrokerUpdateOutcome.Unchanged"/> when the order already shows exactly it. Only an update that moves the order on
    /// is mirrored (<see cref="MirrorBroker"/>, with its events).
    /// </summary>
    public BrokerUpdateOutcome MirrorBrokerUpdate(
        string brokerOrderId,
        OrderStatus status,
        decimal filledQuantity,
        decimal? averageFillPrice,
        string? rejectReason,
        DateTime now)
    {
        if (BrokerOrderId == brokerOrderId && status == Status && filledQuantity == FilledQuantity && averageFillPrice == AverageFillPrice)
        {
            return BrokerUpdateOutcome.Unchanged;
        }

        if (Stage(Status) == TerminalStage || filledQuantity < FilledQuantity || Stage(status) < Stage(Status))
        {
            return BrokerUpdateOutcome.Stale;
        }

        MirrorBroker(brokerOrderId, status, filledQuantity, averageFillPrice, rejectReason, now);
        return BrokerUpdateOutcome.Applied;
    }

    /// <summary>Refuses to cancel an order that can no longer be cancelled (HTTP 409).</summary>
    /// <exception cref="ConflictException"><see cref="OrderErrors.NotOpen"/>.</exception>
    public void EnsureCancellable()
    {
        if (!IsOpen)
        {
            throw new ConflictException(OrderErrors.NotOpen, $"Order {Id} is {Status} and can no longer be cancelled.");
        }
    }

    /// <summary>How far an order has come: awaiting the broker, new, partially filled, done (filled, cancelled, rejected, expired).</summary>
    private static int Stage(OrderStatus status) => status switch
    {
        OrderStatus.PendingNew => 0,
        OrderStatus.New => 1,
        OrderStatus.PartiallyFilled => 2,
        _ => TerminalStage,
    };
}
