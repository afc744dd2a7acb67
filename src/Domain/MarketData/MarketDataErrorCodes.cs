namespace RiskPlatform.Domain.MarketData;

/// <summary>Stable <see cref="Common.DomainException.Code"/> values raised by market data.</summary>
public static class MarketDataErrorCodes
{
    public const string InvalidSymbol = "symbol.invalid";
    public const string NonPositivePrice = "market_quote.non_positive_price";
    public const string PriceTooPrecise = "market_quote.price_too_precise";
    public const string CrossedQuote = "market_quote.bid_above_ask";
}
