using Ardalis.Specification;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>The symbols of the user's orders submitted since <paramref name="since"/> (one per order; the caller de-duplicates).</summary>
public sealed class OrderSymbolsOfUserSinceSpec : Specification<Order, string>
{
    public OrderSymbolsOfUserSinceSpec(Guid userId, DateTime since)
    {
        Query.Where(o => o.UserId == userId && o.SubmittedAt >= since);
        Query.Select(o => o.Symbol);
    }
}
