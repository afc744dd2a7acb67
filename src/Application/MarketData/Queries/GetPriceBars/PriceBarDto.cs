namespace RiskPlatform.Application.MarketData.Queries.GetPriceBars;

/// <summary>One daily bar on the wire.</summary>
public sealed record PriceBarDto(DateOnly Date, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
