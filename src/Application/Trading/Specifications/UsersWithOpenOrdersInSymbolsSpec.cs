using Ardalis.Specification;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>Owners of open orders (at any broker, as mirrored in RiskPlatform's orders) in <paramref name="symbol"/>; one row per order.</summary>
public sealed class UsersWithOpenOrdersInSymbolSpec : Specification<Order, Guid>
{
    public UsersWithOpenOrdersInSymbolSpec(string symbol)
    {
        Query.Where(o => o.Symbol == symbol && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled));
        Query.Select(o => o.UserId);
    }
}
