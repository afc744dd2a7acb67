using Ardalis.Specification;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>The user's orders, newest first, optionally by status and symbol (upper-case), one page.</summary>
public sealed class OrdersForUserSpec : Specification<Order>
{
    public OrdersForUserSpec(Guid userId, OrderStatus? status, string? symbol, int limit, int offset)
    {
        Query.Where(o => o.UserId == userId);
        if (status is { } s)
        {
            Query.Where(o => o.Status == s);
        }

        if (symbol is not null)
        {
            Query.Where(o => o.Symbol == symbol);
        }

        Query.OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id).Skip(offset).Take(limit);
    }
}
