namespace RiskPlatform.Application.MarketData.Common;

/// <summary>One stored daily close.</summary>
public sealed record PriceClose(string Symbol, DateOnly Date, decimal Close);
