using RiskPlatform.Application.Trading.Common;

namespace RiskPlatform.Application.Trading.Commands.PlaceOrder;

/// <summary>The order, and whether this call created it (false: an earlier order with the same client order id).</summary>
public sealed record PlaceOrderResult(OrderDto Order, bool Created);
