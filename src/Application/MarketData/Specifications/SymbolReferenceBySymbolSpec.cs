using Ardalis.Specification;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>The reference data of one symbol (upper-case), tracked.</summary>
public sealed class SymbolReferenceBySymbolSpec : Specification<SymbolReference>
{
    public SymbolReferenceBySymbolSpec(string symbol) => Query.Where(r => r.Symbol == symbol);
}
