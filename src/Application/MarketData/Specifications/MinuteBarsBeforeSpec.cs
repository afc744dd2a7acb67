using Ardalis.Specification;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.Specifications;

/// <summary>Every symbol's minute bars that started before <paramref name="cutoff"/> (the index on start serves it).</summary>
public sealed class MinuteBarsBeforeSpec : Specification<MinuteBar>
{
    public MinuteBarsBeforeSpec(DateTime cutoff) => Query.Where(b => b.Start < cutoff);
}
