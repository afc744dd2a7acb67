namespace RiskPlatform.Domain.MarketData;

/// <summary>
/// Decimal precision accepted for prices and quantities: at most <see cref="MaxDecimals"/> decimal places.
/// Keeping inputs to 8 places keeps every product (notional, P&amp;L) exact in <see cref="decimal"/> and lets persistence store
/// values without silent rounding (a scale of 8 for prices and quantities, 16 for cash and P&amp;L, or an unscaled numeric).
/// </summary>
public static class MarketPrecision
{
    public const int MaxDecimals = 8;

    /// <summary>True when <paramref name="value"/> has no more than <see cref="MaxDecimals"/> significant decimal places (trailing zeros do not count).</summary>
    public static bool HasAllowedScale(decimal value) => decimal.Round(value, MaxDecimals) == value;
}
