using Ardalis.Specification;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>The bar of one symbol on one date, tracked.</summary>
public sealed class PriceBarOfSymbolOnDateSpec : Specification<PriceBar>
{
    public PriceBarOfSymbolOnDateSpec(string symbol, DateOnly date) => Query.Where(b => b.Symbol == symbol && b.Date == date);
}
