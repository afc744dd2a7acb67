using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Trading;

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

    public Guid PaperAccountId { get; private set; }

    public string Symbol { get; private set; } = string.Empty;

    /// <summary>Signed quantity: positive for a long, negative for a short.</summary>
    public decimal Quantity { get; private set; }

    /// <summary>
    /// Volume-weighted average entry price of the open quantity. Adding to a position sets it to
    /// (|q₁|·avg₁ + |q₂|·price) / (|q₁| + |q₂|), rounded half away from zero to <see cref="MarketData.MarketPrecision.MaxDecimals"/>
    /// decimal places; this is the only rounding in the paper broker. Reducing a position leaves it unchanged.
    /// </summary>
    public decimal AverageEntryPrice { get; private set; }

    /// <summary>P&amp;L realized by partial closes of this position since it was opened (the account keeps the running total).</summary>
    public decimal RealizedPnl { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool IsLong => Quantity > 0m;

    public bool IsShort => Quantity < 0m;

    /// <summary>Signed cost of the open quantity: Quantity × AverageEntryPrice (negative for a short).</summary>
    public decimal CostBasis => Quantity * AverageEntryPrice;

    /// <summary>Signed market value: Quantity × <paramref name="markPrice"/> (negative for a short).</summary>
    public decimal MarketValue(decimal markPrice) => Quantity * markPrice;

    /// <summary>(<paramref name="markPrice"/> − AverageEntryPrice) × Quantity: a short gains when the mark falls.</summary>
    public decimal UnrealizedPnl(decimal markPrice) => (markPrice - AverageEntryPrice) * Quantity;

    internal static PaperPosition Open(Guid paperAccountId, string symbol, decimal signedQuantity, decimal price, DateTime now) => new()
    {
        PaperAccountId = paperAccountId,
        Symbol = symbol,
        Quantity = signedQuantity,
        AverageEntryPrice = price,
        OpenedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Adds quantity in the direction of the position and re-averages the entry price.</summary>
    internal void Increase(decimal signedQuantity, decimal price, DateTime now)
    {
        var held = Math.Abs(Quantity);
        var added = Math.Abs(signedQuantity);
        AverageEntryPrice = Math.Round(
            ((held * AverageEntryPrice) + (added * price)) / (held + added),
            MarketData.MarketPrecision.MaxDecimals,
            MidpointRounding.AwayFromZero);
        Quantity += signedQuantity;
        UpdatedAt = now;
    }

    /// <summary>Closes <paramref name="closedQuantity"/> (unsigned, at most |Quantity|) at <paramref name="price"/>; returns the realized P&amp;L.</summary>
    internal decimal Reduce(decimal closedQuantity, decimal price, DateTime now)
    {
        var direction = Math.Sign(Quantity);
        var realized = (price - AverageEntryPrice) * closedQuantity * direction;
        Quantity -= closedQuantity * direction;
        RealizedPnl += realized;
        UpdatedAt = now;
        return realized;
    }
}
