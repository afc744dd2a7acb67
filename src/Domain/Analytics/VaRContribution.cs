namespace RiskPlatform.Domain.Analytics;

/// <summary>A symbol's share of the zero-mean parametric 99 % VaR (contributions add up to it; a hedge contributes less than 0).</summary>
public sealed record VaRContribution(string Symbol, double Contribution, double ShareOfTotal);
