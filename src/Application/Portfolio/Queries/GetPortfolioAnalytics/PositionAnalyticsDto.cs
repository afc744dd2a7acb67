namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

/// <summary>One position: value, share of equity, sector bucket, annualised volatility and beta (null below the minimum of returns).</summary>
public sealed record PositionAnalyticsDto(
    string Symbol,
    decimal Quantity,
    decimal MarketValue,
    decimal? PercentOfEquity,
    string Sector,
    double? AnnualisedVolatility,
    int VolatilityReturns,
    double? Beta,
    int BetaReturns);
