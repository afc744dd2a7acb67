namespace RiskPlatform.Application.Common.Brokers;

/// <summary>An open position: signed quantity (negative is short), average entry price, current market price and unrealized P&amp;L.</summary>
public sealed record BrokerPosition(
    string Symbol,
    decimal Quantity,
    decimal AverageEntryPrice,
    decimal MarketPrice,
    decimal UnrealizedPnl);
