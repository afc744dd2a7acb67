namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>A position's figures as doubles for <see cref="PositionScreen"/>, converted once per evaluation.</summary>
internal readonly struct ScreenedPosition
{
    public ScreenedPosition(in PositionSnapshot position)
    {
        var quantity = (double)position.Quantity;
        IsOpen = position.Quantity != 0;
        IsLong = quantity > 0;
        Size = Math.Abs(quantity);
        Price = (double)position.MarketPrice;
        Value = Size * Price;
        Entry = (double)position.AverageEntryPrice;
        EntryPositive = position.AverageEntryPrice > 0;
    }

    /// <summary>Quantity is not zero (flat positions are never observed).</summary>
    public bool IsOpen { get; }

    public bool IsLong { get; }

    /// <summary>|quantity|.</summary>
    public double Size { get; }

    /// <summary>|quantity| × market price.</summary>
    public double Value { get; }

    public double Price { get; }

    public double Entry { get; }

    /// <summary>Average entry price above zero (otherwise the move rules are tested exactly).</summary>
    public bool EntryPositive { get; }
}
