using Ardalis.Specification;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>Owners of paper accounts with a position or an open order in any of <paramref name="symbols"/> (upper-case).</summary>
public sealed class UsersHoldingSymbolsSpec : Specification<PaperAccount, Guid>
{
    public UsersHoldingSymbolsSpec(IReadOnlyCollection<string> symbols)
    {
        Query.Where(a => a.Positions.Any(p => symbols.Contains(p.Symbol) && p.Quantity != 0m)
            || a.Orders.Any(o => symbols.Contains(o.Symbol) && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled)));
        Query.Select(a => a.UserId);
    }
}
