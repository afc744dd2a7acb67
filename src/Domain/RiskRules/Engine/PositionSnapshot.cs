namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>An open position: signed quantity (negative is short), average entry price and current market price.</summary>
public readonly record struct PositionSnapshot(string Symbol, decimal Quantity, decimal AverageEntryPrice, decimal MarketPrice);
