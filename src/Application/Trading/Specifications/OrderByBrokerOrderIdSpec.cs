using Ardalis.Specification;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>The user's order that the broker holds under <paramref name="brokerOrderId"/>.</summary>
public sealed class OrderByBrokerOrderIdSpec : Specification<Order>
{
    public OrderByBrokerOrderIdSpec(Guid userId, string brokerOrderId) =>
        Query.Where(o => o.UserId == userId && o.BrokerOrderId == brokerOrderId);
}
