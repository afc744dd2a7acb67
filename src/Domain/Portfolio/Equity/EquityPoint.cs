namespace RiskPlatform.Domain.Portfolio.Equity;

/// <summary>One equity observation (a mark-to-market) at an instant (UTC).</summary>
public readonly record struct EquityPoint(DateTime At, decimal Equity);
