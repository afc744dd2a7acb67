namespace RiskPlatform.Application.Common.Brokers;

/// <summary>The outcome of closing one position: the closing order, or why the broker did not close it.</summary>
public sealed record BrokerPositionClose(string Symbol, BrokerOrder? Order, string? Error);
