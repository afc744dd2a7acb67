namespace RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;

/// <summary>One daily bar the fake market-data API serves.</summary>
public sealed record FakeAlpacaBar(DateOnly Date, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
