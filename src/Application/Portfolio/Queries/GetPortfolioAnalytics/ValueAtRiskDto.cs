namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

/// <summary>The portfolio's VaR and expected shortfall (CVaR) over <see cref="HorizonDays"/> day, one entry per confidence (0.95, 0.99).</summary>
public sealed record ValueAtRiskDto(int HorizonDays, IReadOnlyList<VaRLevelDto> Levels);
