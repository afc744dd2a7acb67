using Ardalis.Specification;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>Owners of paper accounts with a position or an open order in <paramref name="symbol"/> (upper-case).</summary>
public sealed class UsersHoldingSymbolSpec : Specification<PaperAccount, Guid>
{
    public UsersHoldingSymbolSpec(string symbol)
    {
        Query.Where(a => a.Positions.Any(p => p.Symbol == symbol && p.Quantity != 0m)
            || a.Orders.Any(o => o.Symbol == symbol && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled)));
        Query.Select(a => a.UserId);
    }
}
