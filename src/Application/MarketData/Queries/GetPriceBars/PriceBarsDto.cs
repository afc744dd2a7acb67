namespace RiskPlatform.Application.MarketData.Queries.GetPriceBars;

/// <summary>A symbol's daily bars over the range asked (or defaulted), oldest first.</summary>
public sealed record PriceBarsDto(string Symbol, string Interval, DateOnly From, DateOnly To, IReadOnlyList<PriceBarDto> Bars);
