using Ardalis.Specification;
using RiskPlatform.Domain.MarketData.Reference;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>The reference data of the given symbols (upper-case) that have any.</summary>
public sealed class SymbolReferencesBySymbolsSpec : Specification<SymbolReference>
{
    public SymbolReferencesBySymbolsSpec(IReadOnlyCollection<string> symbols) => Query.Where(r => symbols.Contains(r.Symbol));
}
