using Ardalis.Specification;
using RiskPlatform.Domain.Portfolio.Equity;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>Rows of one user's equity history by id (the user bounds the statement to that user's rows).</summary>
public sealed class EquitySnapshotsByIdsSpec : Specification<EquitySnapshot>
{
    public EquitySnapshotsByIdsSpec(Guid userId, IReadOnlyCollection<Guid> ids)
    {
        var list = ids.ToList();
        Query.Where(s => s.UserId == userId && list.Contains(s.Id));
    }
}
