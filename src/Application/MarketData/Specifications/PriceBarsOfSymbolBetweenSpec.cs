using Ardalis.Specification;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>One symbol's stored bars from <paramref name="from"/> to <paramref name="to"/> (both included), tracked (the primary key serves it).</summary>
public sealed class PriceBarsOfSymbolBetweenSpec : Specification<PriceBar>
{
    public PriceBarsOfSymbolBetweenSpec(string symbol, DateOnly from, DateOnly to) =>
        Query.Where(b => b.Symbol == symbol && b.Date >= from && b.Date <= to);
}
