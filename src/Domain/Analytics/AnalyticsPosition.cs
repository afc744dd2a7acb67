namespace RiskPlatform.Domain.Analytics;

/// <summary>A held position as the analytics see it: its signed market value (negative is short) and its sector, if known.</summary>
public sealed record AnalyticsPosition(string Symbol, decimal Quantity, decimal MarketValue, string? Sector);
