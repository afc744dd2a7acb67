using Ardalis.Specification;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>The bar of one symbol's minute starting at <paramref name="start"/>, tracked.</summary>
public sealed class MinuteBarOfSymbolAtSpec : Specification<MinuteBar>
{
    public MinuteBarOfSymbolAtSpec(string symbol, DateTime start) => Query.Where(b => b.Symbol == symbol && b.Start == start);
}
