using Ardalis.Specification;
using RiskPlatform.Application.MarketData.Queries.GetSymbolReference;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>The reference data of one symbol (upper-case), projected for the wire.</summary>
public sealed class SymbolReferenceDtoBySymbolSpec : Specification<SymbolReference, SymbolReferenceDto>
{
    public SymbolReferenceDtoBySymbolSpec(string symbol) => Query.Where(r => r.Symbol == symbol);
}
