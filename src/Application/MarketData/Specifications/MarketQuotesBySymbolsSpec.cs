using Ardalis.Specification;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>The quotes of several symbols (upper-case); symbols without a quote are simply absent.</summary>
public sealed class MarketQuotesBySymbolsSpec : Specification<MarketQuote>
{
    public MarketQuotesBySymbolsSpec(IReadOnlyCollection<string> symbols)
    {
        var list = symbols.ToList();
        Query.Where(q => list.Contains(q.Symbol));
    }
}
