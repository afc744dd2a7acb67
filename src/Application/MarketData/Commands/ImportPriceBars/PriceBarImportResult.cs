namespace RiskPlatform.Application.MarketData.Commands.ImportPriceBars;

/// <summary>What one import batch did: bars added, bars replaced with other values, bars that were already stored as given.</summary>
public sealed record PriceBarImportResult(int Added, int Replaced, int Unchanged);
