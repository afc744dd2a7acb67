namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

/// <summary>At one confidence: VaR and CVaR in dollars lost (positive = a loss), historical and parametric (normal).</summary>
public sealed record VaRLevelDto(decimal Confidence, decimal HistoricalVar, decimal HistoricalCvar, decimal ParametricVar, decimal ParametricCvar);
