using Ardalis.Specification;
using RiskPlatform.Application.MarketData.Queries.GetPriceBars;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>
/// One symbol's bars from <paramref name="from"/> to <paramref name="to"/> (both included), oldest first, at most
/// <paramref name="limit"/> (the primary key (symbol, date) serves it).
/// </summary>
public sealed class PriceBarDtosOfSymbolBetweenSpec : Specification<PriceBar, PriceBarDto>
{
    public PriceBarDtosOfSymbolBetweenSpec(string symbol, DateOnly from, DateOnly to, int limit)
    {
        Query.Where(b => b.Symbol == symbol && b.Date >= from && b.Date <= to).OrderBy(b => b.Date).Take(limit);
        Query.Select(b => new PriceBarDto(b.Date, b.Open, b.High, b.Low, b.Close, b.Volume, null));
    }
}
