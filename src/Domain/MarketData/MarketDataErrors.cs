namespace RiskPlatform.Domain.MarketData;

/// <summary>Stable <see cref="Common.DomainException.Code"/> values raised by market data.</summary>
public static class MarketDataErrors
{
    public const string InvalidSymbol = "invalid_symbol";
    public const string NonPositivePrice = "quote_price_not_positive";
    public const string PriceTooPrecise = "quote_price_too_precise";
    public const string CrossedQuote = "quote_bid_above_ask";
    public const string InconsistentBar = "bar_inconsistent";
    public const string InvalidVolume = "bar_volume_invalid";
    public const string InvalidReferenceField = "symbol_reference_field_invalid";
}
