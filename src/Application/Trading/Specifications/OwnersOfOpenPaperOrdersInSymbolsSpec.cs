using Ardalis.Specification;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>The users whose paper account holds an open order in any of <paramref name="symbols"/> (upper-case).</summary>
public sealed class OwnersOfOpenPaperOrdersInSymbolsSpec : Specification<PaperAccount, Guid>
{
    public OwnersOfOpenPaperOrdersInSymbolsSpec(IReadOnlyCollection<string> symbols)
    {
        Query.Where(a => a.Orders.Any(o => symbols.Contains(o.Symbol) && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled)));
        Query.Select(a => a.UserId);
    }
}
