using Ardalis.Specification;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>
/// A user's paper account with its positions and its open orders (new or partially filled): everything the account's
/// behaviour reads except the history of filled, cancelled, rejected and expired orders, which stays in the database so that
/// the cost of an order does not grow with the number placed before it. <see cref="PaperAccountWithOrderSpec"/> adds one
/// historical order when a caller needs it.
/// </summary>
public sealed class PaperAccountForUserSpec : Specification<PaperAccount>
{
    public PaperAccountForUserSpec(Guid userId) =>
        Query.Where(a => a.UserId == userId)
            .Include(a => a.Positions)
            .Include(a => a.Orders.Where(o => o.Status == OrderStatus.New || o.Status == OrderStatus.PartiallyFilled));
}
