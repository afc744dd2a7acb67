using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Trading.Events;

/// <summary>
/// A RiskPlatform <see cref="Orders.Order"/> became filled in the broker's mirrored view: <paramref name="Quantity"/> (unsigned) at
/// <paramref name="AveragePrice"/> (null when the broker reported none). Raised for every broker; the paper broker's own fill is
/// also <see cref="OrderFilled"/>, so a consumer that already handles that event skips orders held by the paper broker.
/// </summary>
public sealed record BrokerOrderFilled(
    Guid UserId,
    Guid OrderId,
    string BrokerOrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal? AveragePrice,
    DateTime OccurredAt) : IDomainEvent;
