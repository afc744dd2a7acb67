using Ardalis.Specification;
using RiskPlatform.Application.MarketData.Queries.GetMarketQuote;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>The quote of one symbol (upper-case), projected for the wire.</summary>
public sealed class MarketQuoteDtoBySymbolSpec : Specification<MarketQuote, MarketQuoteDto>
{
    public MarketQuoteDtoBySymbolSpec(string symbol) => Query.Where(q => q.Symbol == symbol);
}
