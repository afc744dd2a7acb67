namespace RiskPlatform.Domain.Analytics;

/// <summary>A sector's gross (Σ|value|) and net exposure, and the gross as a percent of equity.</summary>
public sealed record SectorExposure(string Sector, decimal GrossExposure, decimal NetExposure, decimal? PercentOfEquity);
