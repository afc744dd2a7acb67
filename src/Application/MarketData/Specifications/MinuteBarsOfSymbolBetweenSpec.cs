using Ardalis.Specification;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>
/// One symbol's minute bars starting from <paramref name="from"/> (included) to <paramref name="until"/> (excluded), oldest first,
/// at most <paramref name="limit"/> (the primary key (symbol, start) serves it).
/// </summary>
public sealed class MinuteBarsOfSymbolBetweenSpec : Specification<MinuteBar>
{
    public MinuteBarsOfSymbolBetweenSpec(string symbol, DateTime from, DateTime until, int limit) =>
        Query.Where(b => b.Symbol == symbol && b.Start >= from && b.Start < until).OrderBy(b => b.Start).Take(limit);
}
