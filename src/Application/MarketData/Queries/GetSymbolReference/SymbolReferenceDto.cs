using Mapster;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Application.MarketData.Queries.GetSymbolReference;

/// <summary>A symbol's reference data on the wire (null fields: not given by the operator or the broker).</summary>
public sealed record SymbolReferenceDto(string Symbol, string? Sector, string? Industry, string? AssetClass, string? Exchange, DateTime UpdatedAt);

internal sealed class SymbolReferenceDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<SymbolReference, SymbolReferenceDto>();
}
