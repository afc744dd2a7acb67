using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Domain.Trading.Paper;

/// <summary>
/// An open position in one symbol of a <see cref="PaperAccount"/> (child entity; change it only through the account).
/// <see cref="Quantity"/> is signed: positive long, negative short, never zero (a position that reaches zero is removed from
/// the account and a <see cref="Events.PositionClosed"/> event is raised).
/// </summary>
public sealed class PaperPosition : Entity
{
    private PaperPosition()
    {
    }

    /// <summary>A field-by-field copy (every field is a value), for <see cref="PaperAccount.Copy"/>.</summary>
    internal PaperPosition Copy() => (PaperPosition)MemberwiseClone();

    public Guid PaperAccountId { get; private set; }

    public string Symbol { get; private set; } = string.Empty;

    /// <summary>Signed quantity: positive for a long, negative for a short.</summary>
    public decimal Quantity { get; private set; }

    /// <summary>
    /// Volume-weighted average entry price of the open quantity: <see cref="CostBasis"/> / <see cref="Quantity"/>, rounded half away
    /// from zero to <see cref="MarketPrecision.MaxDecimals"/> decimal places when the position is opened or added to; reducing a
    /// position leaves it unchanged. This is the only rounding in the paper broker, and it never leaks into cash or P&amp;L
    /// beyond partial closes: a full close realizes against the exact <see cref="CostBasis"/>, so once a position is flat the
    /// P&amp;L it realized equals exactly the cash it returned.
    /// </summary>
    public decimal AverageEntryPrice { get; private set; }

    /// <summary>
    /// Exact signed cost of the open quantity (negative for a short): the signed notional of the fills that opened or added to
    /// the position, less the cost released by partial closes (closed quantity × <see cref="AverageEntryPrice"/>). Persist it
    /// unrounded (scale 16 holds every value the broker produces from 8-place prices and quantities).
    /// </summary>
    public decimal CostBasis { get; private set; }

    /// <summary>P&amp;L realized by partial closes of this position since it was opened (the account keeps the running total).</summary>
    public decimal RealizedPnl { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool IsLong => Quantity > 0m;

    public bool IsShort => Quantity < 0m;

    /// <summary>Signed market value: Quantity × <paramref name="markPrice"/> (negative for a short).</summary>
    public decimal MarketValue(decimal markPrice) => Quantity * markPrice;

    /// <summary>
    /// (<paramref name="markPrice"/> − AverageEntryPrice) × Quantity, computed exactly as MarketValue(mark) − CostBasis (the two
    /// differ only by the sub-10⁻⁸ rounding of the average). A short gains when the mark falls.
    /// </summary>
    public decimal UnrealizedPnl(decimal markPrice) => MarketValue(markPrice) - CostBasis;

    internal static PaperPosition Open(Guid paperAccountId, string symbol, decimal signedQuantity, decimal price, DateTime now) => new()
    {
        PaperAccountId = paperAccountId,
        Symbol = symbol,
        Quantity = signedQuantity,
        AverageEntryPrice = price,
        CostBasis = signedQuantity * price,
        OpenedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Adds quantity in the direction of the position and re-averages the entry price.</summary>
    internal void Increase(decimal signedQuantity, decimal price, DateTime now)
    {
        CostBasis += signedQuantity * price;
        Quantity += signedQuantity;
        AverageEntryPrice = Math.Round(CostBasis / Quantity, MarketPrecision.MaxDecimals, MidpointRounding.AwayFromZero);
        UpdatedAt = now;
    }

    /// <summary>
    /// Closes <paramref name="closedQuantity"/> (unsigned, at most |Quantity|) at <paramref name="price"/> and returns the realized
    /// P&amp;L: the closed quantity's proceeds less its cost, which is closed × AverageEntryPrice for a partial close and the whole
    /// remaining <see cref="CostBasis"/> for a full close.
    /// </summary>
    internal decimal Reduce(decimal closedQuantity, decimal price, DateTime now)
    {
        var direction = Math.Sign(Quantity);
        var releasedCost = closedQuantity == Math.Abs(Quantity) ? CostBasis : direction * closedQuantity * AverageEntryPrice;
        var realized = (direction * closedQuantity * price) - releasedCost;
        CostBasis -= releasedCost;
        Quantity -= direction * closedQuantity;
        RealizedPnl += realized;
        UpdatedAt = now;
        return realized;
    }
}
