using Ardalis.Specification;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>When the user's orders since <paramref name="since"/> were submitted, for order_rate_limit.</summary>
public sealed class OrderSubmissionTimesSinceSpec : Specification<Order, DateTime>
{
    public OrderSubmissionTimesSinceSpec(Guid userId, DateTime since)
    {
        Query.Where(o => o.UserId == userId && o.SubmittedAt >= since);
        Query.Select(o => o.SubmittedAt);
    }
}
