using Ardalis.Specification;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>The user's orders committed but not yet acknowledged by their external broker (<see cref="OrderStatus.PendingNew"/>).</summary>
public sealed class OrdersAwaitingBrokerForUserSpec : Specification<Order>
{
    public OrdersAwaitingBrokerForUserSpec(Guid userId) =>
        Query.Where(o => o.UserId == userId && o.Status == OrderStatus.PendingNew).OrderBy(o => o.SubmittedAt);
}
