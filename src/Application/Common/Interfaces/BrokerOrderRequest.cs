using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>An order to submit. <see cref="ClientOrderId"/> is the caller's idempotency key (required).</summary>
public sealed record BrokerOrderRequest(
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    OrderType Type,
    decimal? LimitPrice,
    TimeInForce TimeInForce);
