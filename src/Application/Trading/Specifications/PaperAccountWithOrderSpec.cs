using Ardalis.Specification;
using RiskPlatform.Domain.Trading.Paper;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>
/// A user's paper account with the one order that has <paramref name="orderId"/>, or <paramref name="clientOrderId"/>, whatever
/// its status. Run tracked after <see cref="PaperAccountForUserSpec"/>, EF adds that order to the already loaded account's
/// orders, so a cancel, a lookup or an idempotent resubmission sees it without loading the whole history.
/// </summary>
public sealed class PaperAccountWithOrderSpec : Specification<PaperAccount>
{
    public PaperAccountWithOrderSpec(Guid userId, Guid orderId) =>
        Query.Where(a => a.UserId == userId).Include(a => a.Orders.Where(o => o.Id == orderId));

    public PaperAccountWithOrderSpec(Guid userId, string clientOrderId) =>
        Query.Where(a => a.UserId == userId).Include(a => a.Orders.Where(o => o.ClientOrderId == clientOrderId));
}
