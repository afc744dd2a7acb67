using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Trading.Events;

/// <summary>
/// A RiskPlatform <see cref="Orders.Order"/> became rejected in the broker's mirrored view; <paramref name="Reason"/> is the broker's
/// (or a generic text when it gave none). Raised for every broker; the paper broker's own rejection is also
/// <see cref="OrderRejected"/>, so a consumer that already handles that event skips orders held by the paper broker.
/// </summary>
public sealed record BrokerOrderRejected(
    Guid UserId,
    Guid OrderId,
    string BrokerOrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    string Reason,
    DateTime OccurredAt) : IDomainEvent;
