using RiskPlatform.Domain.Trading;
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
        bool hasPosition,
        OrderSide side)
    {
        Snapshot = snapshot;
        Symbol = symbol;
        Side = side;
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

    public OrderSide Side { get; }

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
        if (SpanAccess.TryGetSpan(snapshot.Positions, out var positions))
        {
            foreach (ref readonly var p in positions)
            {
                Accumulate(in p, symbol, ref position, ref otherGross, ref count);
            }
        }
        else
        {
            foreach (var p in snapshot.Positions)
            {
                Accumulate(in p, symbol, ref position, ref otherGross, ref count);
            }
        }

        var openSameSide = 0m;
        if (SpanAccess.TryGetSpan(snapshot.OpenOrders, out var orders))
        {
            foreach (ref readonly var o in orders)
            {
                if (o.Side == side && SameSymbol(o.Symbol, symbol))
                {
                    openSameSide += o.RemainingQuantity;
                }
            }
        }
        else
        {
            foreach (var o in snapshot.OpenOrders)
            {
                if (o.Side == side && SameSymbol(o.Symbol, symbol))
                {
                    openSameSide += o.RemainingQuantity;
                }
            }
        }

        var directional = (side == OrderSide.Buy ? position : -position) + openSameSide;
        return new OrderContext(snapshot, symbol, quotePrice, referencePrice, limitPrice, directional, otherGross, count, position != 0, side);
    }

    /// <summary>
    /// Case-insensitive symbol equality, cheap for the common mismatch: different lengths or first characters that differ
    /// even ignoring ASCII case (setting bit 5 folds ASCII letters and leaves digits and punctuation as they are).
    /// </summary>
    public static bool SameSymbol(string a, string b) =>
        ReferenceEquals(a, b)
        || (a.Length == b.Length
            && a.Length > 0
            && (a[0] | 0x20) == (b[0] | 0x20)
            && string.Equals(a, b, StringComparison.OrdinalIgnoreCase));

    private static void Accumulate(in PositionSnapshot p, string symbol, ref decimal position, ref decimal otherGross, ref int count)
    {
        var sign = decimal.Sign(p.Quantity);
        if (sign == 0)
        {
            return;
        }

        count++;
        if (SameSymbol(p.Symbol, symbol))
        {
            position += p.Quantity;
        }
        else
        {
            otherGross += (sign > 0 ? p.Quantity : -p.Quantity) * p.MarketPrice;
        }
    }

    /// <summary>True when an order of <paramref name="quantity"/> only reduces the opposite position (without crossing zero).</summary>
    public bool IsReduceOnly(decimal quantity) => DirectionalPosition < 0 && quantity <= -DirectionalPosition;

    /// <summary>The absolute position in the symbol after an order of <paramref name="quantity"/>.</summary>
    public decimal ProjectedAbsolutePosition(decimal quantity) => Math.Abs(DirectionalPosition + quantity);
}
