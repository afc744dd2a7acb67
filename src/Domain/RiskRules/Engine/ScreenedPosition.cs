namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// A position's measures as doubles for <see cref="PositionScreen"/>, computed once per evaluation. A flat position has every
/// measure at negative infinity (never a candidate). The move measures are upper bounds (see <see cref="PositionScreen"/>), and
/// positive infinity when the average entry price is below <see cref="MinScreenedEntry"/> (including zero or negative: those are
/// always tested exactly).
/// </summary>
internal readonly struct ScreenedPosition
{
    /// <summary>Below this entry price the move measures are not screened (the exact test's rounding, relative to entry, could matter).</summary>
    public const double MinScreenedEntry = 1e-6;

    public ScreenedPosition(in PositionSnapshot position)
    {
        var quantity = (double)position.Quantity;
        if (quantity == 0d)
        {
            // A decimal converts to zero only when it is zero.
            Size = Value = AdverseMove = FavourableMove = double.NegativeInfinity;
            return;
        }

        var price = (double)position.MarketPrice;
        var entry = (double)position.AverageEntryPrice;
        Size = Math.Abs(quantity);
        Value = Size * price;
        if (!(entry >= MinScreenedEntry))
        {
            AdverseMove = FavourableMove = double.PositiveInfinity;
            return;
        }

        // Favourable move in percent of entry (signed), and a margin that covers the rounding of the subtraction and division.
        var move = (quantity > 0 ? price - entry : entry - price) * 100d / entry;
        var margin = PositionScreen.Relative * (Math.Abs(move) + (100d * (Math.Abs(price) + entry) / entry));
        FavourableMove = Math.Max(0d, move) + margin;
        AdverseMove = Math.Max(0d, -move) + margin;
    }

    /// <summary>|quantity|.</summary>
    public double Size { get; }

    /// <summary>|quantity| × market price.</summary>
    public double Value { get; }

    /// <summary>An upper bound of the adverse move from the average entry, in percent (what stop_loss watches).</summary>
    public double AdverseMove { get; }

    /// <summary>An upper bound of the favourable move from the average entry, in percent (what take_profit watches).</summary>
    public double FavourableMove { get; }
}
