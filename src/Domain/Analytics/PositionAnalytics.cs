namespace RiskPlatform.Domain.Analytics;

/// <summary>One position's figures: annualised volatility over its own returns, beta over the days it shares with the benchmark.</summary>
public sealed record PositionAnalytics(
    string Symbol,
    decimal Quantity,
    decimal MarketValue,
    decimal? PercentOfEquity,
    string Sector,
    double? AnnualisedVolatility,
    int VolatilityReturns,
    double? Beta,
    int BetaReturns);
