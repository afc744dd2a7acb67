namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

/// <summary>A symbol's dollars of the (zero-mean) parametric 99 % VaR and its share of the total, largest first.</summary>
public sealed record VaRContributorDto(string Symbol, decimal Contribution, double ShareOfTotal);
