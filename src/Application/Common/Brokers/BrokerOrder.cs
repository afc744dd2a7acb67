using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Common.Brokers;

/// <summary>An order as the broker reports it. <see cref="BrokerOrderId"/> is the broker's own id (a string on every broker).</summary>
public sealed record BrokerOrder(
    string BrokerOrderId,
    string? ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal Quantity,
    decimal FilledQuantity,
    decimal? LimitPrice,
    decimal? AverageFillPrice,
    OrderStatus Status,
    string? RejectReason,
    DateTime SubmittedAt,
    DateTime? FilledAt);
