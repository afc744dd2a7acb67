using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.MarketData.Queries.GetSymbolReference;

namespace RiskPlatform.Application.MarketData.Commands.SetSymbolReference;

/// <summary>Creates or replaces a symbol's reference data (every field; an omitted or blank field is cleared).</summary>
public sealed record SetSymbolReferenceCommand(
    string? Symbol = null,
    string? Sector = null,
    string? Industry = null,
    string? AssetClass = null,
    string? Exchange = null) : ICommand<SymbolReferenceDto>;
