using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>The user's orders that can still fill (new or partially filled).</summary>
public sealed class OpenOrdersForUserSpec : Specification<Order>
{
    public OpenOrdersForUserSpec(Guid userId) =>
        Query.Where(o => o.UserId == userId && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled));
}
