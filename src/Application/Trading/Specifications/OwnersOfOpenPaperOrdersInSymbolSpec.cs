using Ardalis.Specification;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>The users whose paper account holds an open order in <paramref name="symbol"/> (upper-case).</summary>
public sealed class OwnersOfOpenPaperOrdersInSymbolSpec : Specification<PaperAccount, Guid>
{
    public OwnersOfOpenPaperOrdersInSymbolSpec(string symbol)
    {
        Query.Where(a => a.Orders.Any(o => o.Symbol == symbol && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled)));
        Query.Select(a => a.UserId);
    }
}
