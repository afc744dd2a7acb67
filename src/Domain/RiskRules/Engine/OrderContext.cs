namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// Portfolio aggregates for one symbol and side, computed once per evaluation in a single pass over positions and open orders.
/// <see cref="DirectionalPosition"/> is the current position plus same-side open orders in the symbol, signed in the order's
/// direction (positive: the order adds to it; negative: the order works against an opposite position).
/// </summary>
internal readonly struct OrderContext
{
    private OrderContext(
        PortfolioSnapshot snapshot,
        string symbol,
        decimal quotePrice,
        decimal referencePrice,
        decimal? limitPrice,
        decimal directionalPosition,
        decimal otherGrossExposure,
        int openPositionCount,
        bool hasPosition)
    {
        Snapshot = snapshot;
        Symbol = symbol;
        QuotePrice = quotePrice;
        ReferencePrice = referencePrice;
        LimitPrice = limitPrice;
        DirectionalPosition = directionalPosition;
        OtherGrossExposure = otherGrossExposure;
        OpenPositionCount = openPositionCount;
        HasPosition = hasPosition;
    }

    public PortfolioSnapshot Snapshot { get; }

    public string Symbol { get; }

    /// <summary>Ask for buys, bid for sells, falling back to last.</summary>
    public decimal QuotePrice { get; }

    /// <summary><see cref="QuotePrice"/>, or the limit price where it is worse for the trader.</summary>
    public decimal ReferencePrice { get; }

    public decimal? LimitPrice { get; }

    public decimal DirectionalPosition { get; }

    /// <summary>Σ |quantity| × market price over every other symbol.</summary>
    public decimal OtherGrossExposure { get; }

    /// <summary>Distinct symbols with a non-zero position.</summary>
    public int OpenPositionCount { get; }

    /// <summary>True when the account already holds a non-zero position in <see cref="Symbol"/>.</summary>
    public bool HasPosition { get; }

    /// <summary>The largest quantity that only reduces the opposite position (0 when there is none).</summary>
    public decimal ReduceOnlyCapacity => Math.Max(0m, -DirectionalPosition);

    public static OrderContext Build(
        PortfolioSnapshot snapshot,
        string symbol,
        OrderSide side,
        decimal quotePrice,
        decimal referencePrice,
        decimal? limitPrice)
    {
        var position = 0m;
        var otherGross = 0m;
        var count = 0;
        var positions = snapshot.Positions;
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            if (p.Quantity == 0)
            {
                continue;
            }

            count++;
            if (string.Equals(p.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            {
                position += p.Quantity;
            }
            else
            {
                otherGross += Math.Abs(p.Quantity) * p.MarketPrice;
            }
        }

        var openSameSide = 0m;
        var orders = snapshot.OpenOrders;
        for (var i = 0; i < orders.Count; i++)
        {
            var o = orders[i];
            if (o.Side == side && string.Equals(o.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            {
                openSameSide += o.RemainingQuantity;
            }
        }

        var directional = (side == OrderSide.Buy ? position : -position) + openSameSide;
        return new OrderContext(snapshot, symbol, quotePrice, referencePrice, limitPrice, directional, otherGross, count, position != 0);
    }

    /// <summary>True when an order of <paramref name="quantity"/> only reduces the opposite position (without crossing zero).</summary>
    public bool IsReduceOnly(decimal quantity) => DirectionalPosition < 0 && quantity <= -DirectionalPosition;

    /// <summary>The absolute position in the symbol after an order of <paramref name="quantity"/>.</summary>
    public decimal ProjectedAbsolutePosition(decimal quantity) => Math.Abs(DirectionalPosition + quantity);
}
