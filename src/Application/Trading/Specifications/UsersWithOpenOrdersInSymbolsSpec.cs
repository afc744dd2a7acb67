using Ardalis.Specification;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>
/// Owners of open orders (at any broker, as mirrored in RiskPlatform's orders) in any of <paramref name="symbols"/>; one row per order.
/// </summary>
public sealed class UsersWithOpenOrdersInSymbolsSpec : Specification<Order, Guid>
{
    public UsersWithOpenOrdersInSymbolsSpec(IReadOnlyCollection<string> symbols)
    {
        Query.Where(o => symbols.Contains(o.Symbol) && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled));
        Query.Select(o => o.UserId);
    }
}
