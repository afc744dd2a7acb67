using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.Portfolio;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>A user's equity history, tracked, oldest first (served by ix_equity_snapshots_user_history).</summary>
public sealed class EquitySnapshotsOfUserSpec : Specification<EquitySnapshot>
{
    public EquitySnapshotsOfUserSpec(Guid userId) => Query.Where(s => s.UserId == userId).OrderBy(s => s.At).OrderBy(s => s.Id);
}
