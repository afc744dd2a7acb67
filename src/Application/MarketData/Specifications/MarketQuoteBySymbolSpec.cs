using Ardalis.Specification;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>The quote of one symbol (upper-case).</summary>
public sealed class MarketQuoteBySymbolSpec : Specification<MarketQuote>
{
    public MarketQuoteBySymbolSpec(string symbol) => Query.Where(q => q.Symbol == symbol);
}
