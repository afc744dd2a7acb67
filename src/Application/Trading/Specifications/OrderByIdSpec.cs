using Ardalis.Specification;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>One order by id, whoever owns it (the handler tells a missing order from another user's).</summary>
public sealed class OrderByIdSpec : Specification<Order>
{
    public OrderByIdSpec(Guid orderId) => Query.Where(o => o.Id == orderId);
}
