using Ardalis.Specification;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>The bars of <paramref name="symbols"/>' minutes starting at <paramref name="starts"/> (every pair that exists), tracked.</summary>
public sealed class MinuteBarsOfSymbolsAtSpec : Specification<MinuteBar>
{
    public MinuteBarsOfSymbolsAtSpec(IReadOnlyCollection<string> symbols, IReadOnlyCollection<DateTime> starts) =>
        Query.Where(b => symbols.Contains(b.Symbol) && starts.Contains(b.Start));
}
