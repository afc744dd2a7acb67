using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Specifications;

/// <summary>A user's paper account with its positions and orders (the whole aggregate).</summary>
public sealed class PaperAccountForUserSpec : Specification<PaperAccount>
{
    public PaperAccountForUserSpec(Guid userId) =>
        Query.Where(a => a.UserId == userId).Include(a => a.Positions).Include(a => a.Orders);
}
