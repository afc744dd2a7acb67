using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Trading.Events;

/// <summary>A paper order filled in full: <paramref name="Quantity"/> (unsigned) at <paramref name="Price"/>.</summary>
public sealed record OrderFilled(
    Guid UserId,
    Guid OrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    DateTime OccurredAt) : IDomainEvent;
