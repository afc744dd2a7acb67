namespace RiskPlatform.Application.MarketData.Commands.ImportPriceBars;

/// <summary>One daily bar to store: the columns of the import file.</summary>
public sealed record PriceBarInput(string Symbol, DateOnly Date, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
