using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Trading.Paper.Events;

/// <summary>An open paper order was cancelled by its owner; <paramref name="Quantity"/> is the unfilled quantity.</summary>
public sealed record OrderCancelled(
    Guid UserId,
    Guid OrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    DateTime OccurredAt) : IDomainEvent;
