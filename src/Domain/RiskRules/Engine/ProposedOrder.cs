using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// An order to be checked before submission. The symbol is trimmed and upper-cased. Throws <see cref="DomainException"/>
/// (<see cref="RiskReasonCodes.OrderQuantityNotPositive"/>, <see cref="RiskReasonCodes.OrderLimitPriceRequired"/>,
/// <see cref="RiskReasonCodes.OrderSymbolRequired"/>) when the order itself is malformed.
/// </summary>
public sealed class ProposedOrder
{
    public ProposedOrder(
        string symbol,
        OrderSide side,
        decimal quantity,
        OrderType type = OrderType.Market,
        decimal? limitPrice = null,
        Guid? strategyId = null)
    {
        Symbol = symbol.Trim().ToUpperInvariant();
        if (Symbol.Length == 0)
        {
            throw new DomainException(RiskReasonCodes.OrderSymbolRequired, "An order needs a symbol.");
        }

        if (quantity <= 0)
        {
            throw new DomainException(RiskReasonCodes.OrderQuantityNotPositive, "Order quantity must be greater than zero.");
        }

        if (type == OrderType.Limit && limitPrice is not > 0)
        {
            throw new DomainException(RiskReasonCodes.OrderLimitPriceRequired, "A limit order needs a limit price greater than zero.");
        }

        Side = side;
        Quantity = quantity;
        Type = type;
        LimitPrice = type == OrderType.Limit ? limitPrice : null;
        StrategyId = strategyId;
    }

    public string Symbol { get; }

    public OrderSide Side { get; }

    public decimal Quantity { get; }

    public OrderType Type { get; }

    /// <summary>Set for limit orders only.</summary>
    public decimal? LimitPrice { get; }

    public Guid? StrategyId { get; }
}
