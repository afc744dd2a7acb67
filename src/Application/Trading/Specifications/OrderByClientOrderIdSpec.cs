using Ardalis.Specification;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>The user's order with this client order id (unique per user).</summary>
public sealed class OrderByClientOrderIdSpec : Specification<Order>
{
    public OrderByClientOrderIdSpec(Guid userId, string clientOrderId) =>
        Query.Where(o => o.UserId == userId && o.ClientOrderId == clientOrderId);
}
