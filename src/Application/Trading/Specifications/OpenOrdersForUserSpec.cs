using Ardalis.Specification;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>
/// The user's orders that can still fill (new, partially filled, or awaiting an external broker's acknowledgement), oldest first,
/// at most <paramref name="take"/>.
/// </summary>
public sealed class OpenOrdersForUserSpec : Specification<Order>
{
    public OpenOrdersForUserSpec(Guid userId, int take = int.MaxValue)
    {
        Query.Where(o => o.UserId == userId && (o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled || o.Status == OrderStatus.PendingNew))
            .OrderBy(o => o.SubmittedAt);
        if (take != int.MaxValue)
        {
            Query.Take(take);
        }
    }
}
