namespace RiskPlatform.Domain.MarketData.Reference;

/// <summary>The descriptive fields of a <see cref="SymbolReference"/>; each optional.</summary>
public sealed record SymbolReferenceFields(string? Sector, string? Industry, string? AssetClass, string? Exchange);
