using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Trading.Paper.Events;

/// <summary>A paper order was rejected on placement (a market order with no quote); <paramref name="Reason"/> is human-readable.</summary>
public sealed record OrderRejected(
    Guid UserId,
    Guid OrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    string Reason,
    DateTime OccurredAt) : IDomainEvent;
