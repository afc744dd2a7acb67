using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>
/// Every paper account holding an open order in <paramref name="symbol"/> (upper-case), with its positions and open orders (the
/// history is not needed to fill them), so a new quote can fill them.
/// </summary>
public sealed class PaperAccountsWithOpenOrdersInSymbolSpec : Specification<PaperAccount>
{
    public PaperAccountsWithOpenOrdersInSymbolSpec(string symbol) =>
        Query.Where(a => a.Orders.Any(o => o.Symbol == symbol && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled)))
            .Include(a => a.Positions)
            .Include(a => a.Orders.Where(o => o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled))
            .OrderBy(a => a.Id);
}
