using Ardalis.Specification;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>The closes of the given symbols (upper-case) from <paramref name="from"/> to <paramref name="to"/>, both included (the primary key serves it).</summary>
public sealed class PriceClosesOfSymbolsBetweenSpec : Specification<PriceBar, PriceClose>
{
    public PriceClosesOfSymbolsBetweenSpec(IReadOnlyCollection<string> symbols, DateOnly from, DateOnly to)
    {
        Query.Where(b => symbols.Contains(b.Symbol) && b.Date >= from && b.Date <= to);
        Query.Select(b => new PriceClose(b.Symbol, b.Date, b.Close));
    }
}
