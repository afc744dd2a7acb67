using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Common.Brokers;

/// <summary>An order to submit. <see cref="ClientOrderId"/> is the caller's idempotency key (required).</summary>
public sealed record BrokerOrderRequest(
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    OrderType Type,
    decimal? LimitPrice,
    TimeInForce TimeInForce)
{
    /// <summary>
    /// True when the service generated <see cref="ClientOrderId"/> for this very request (the client sent none): no earlier
    /// submission can carry it, so a broker need not look it up before submitting.
    /// </summary>
    public bool ClientOrderIdIsNew { get; init; }
}
