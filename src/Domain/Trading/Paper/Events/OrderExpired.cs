using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Trading.Paper.Events;

/// <summary>An open day order expired at the end of the trading day (<paramref name="OccurredAt"/> is the boundary); <paramref name="Quantity"/> is the unfilled quantity.</summary>
public sealed record OrderExpired(
    Guid UserId,
    Guid OrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    DateTime OccurredAt) : IDomainEvent;
