namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>The latest quote of a symbol; zero or negative prices mean "not available". <see cref="Timestamp"/> is UTC.</summary>
public readonly record struct QuoteSnapshot(decimal Bid, decimal Ask, decimal Last, DateTime Timestamp);
