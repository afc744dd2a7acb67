namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>A position held by the fake Alpaca: signed quantity (negative is short) and average entry price.</summary>
public sealed record FakeAlpacaPosition(string Symbol, decimal Qty, decimal AvgEntryPrice);
