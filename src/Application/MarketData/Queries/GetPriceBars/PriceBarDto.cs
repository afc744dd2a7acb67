namespace RiskPlatform.Application.MarketData.Queries.GetPriceBars;

/// <summary>
/// One bar on the wire. A daily bar has its New York <see cref="Date"/> and no <see cref="At"/>; a minute bar also has
/// <see cref="At"/>, its minute's start (UTC), and volume 0 (quotes carry none).
/// </summary>
public sealed record PriceBarDto(DateOnly Date, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, DateTime? At);
