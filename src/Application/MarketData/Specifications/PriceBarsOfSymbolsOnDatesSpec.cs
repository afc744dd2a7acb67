using Ardalis.Specification;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>The bars of <paramref name="symbols"/> on <paramref name="dates"/> (every pair that exists), tracked.</summary>
public sealed class PriceBarsOfSymbolsOnDatesSpec : Specification<PriceBar>
{
    public PriceBarsOfSymbolsOnDatesSpec(IReadOnlyCollection<string> symbols, IReadOnlyCollection<DateOnly> dates) =>
        Query.Where(b => symbols.Contains(b.Symbol) && dates.Contains(b.Date));
}
