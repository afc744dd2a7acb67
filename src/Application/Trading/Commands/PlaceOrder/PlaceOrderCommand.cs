using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Commands.PlaceOrder;

/// <summary>
/// Checks an order against the caller's risk rules and, unless they block it, submits it to the broker.
/// <see cref="Type"/> defaults to market and <see cref="TimeInForce"/> to day. <see cref="ClientOrderId"/> makes it idempotent.
/// An order changes the account's orders, positions and portfolio state, never its rules, its broker binding, its breach episodes or its
/// monitor actions (only the monitor writes those two): the actor judges
/// it by the rules and binding it remembers.
/// </summary>
[LeavesUnchanged(
    AccountMemoryPart.ActiveRules, AccountMemoryPart.PaperBinding, AccountMemoryPart.OpenBreachEpisodes, AccountMemoryPart.PendingMonitorActions)]
public sealed record PlaceOrderCommand(
    string? Symbol,
    OrderSide? Side,
    decimal? Qty,
    OrderType? Type = null,
    decimal? LimitPrice = null,
    TimeInForce? TimeInForce = null,
    Guid? StrategyId = null,
    string? ClientOrderId = null) : IAccountCommand<PlaceOrderResult>;
