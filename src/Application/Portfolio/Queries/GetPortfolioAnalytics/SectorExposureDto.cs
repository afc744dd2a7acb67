namespace RiskPlatform.Application.Portfolio.Queries.GetPortfolioAnalytics;

/// <summary>A sector's gross and net exposure and the gross as a percent of equity; symbols without a sector are <c>unclassified</c>.</summary>
public sealed record SectorExposureDto(string Sector, decimal GrossExposure, decimal NetExposure, decimal? PercentOfEquity);
