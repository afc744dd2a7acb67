using Ardalis.Specification;
using RiskPlatform.Domain.Portfolio.Equity;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>
/// A user's whole equity history as keys and points only (nothing tracked), oldest first, ties in id order (served by
/// ix_equity_snapshots_user_history): what compaction decides on.
/// </summary>
public sealed class EquitySnapshotKeysOfUserSpec : Specification<EquitySnapshot, EquitySnapshotKey>
{
    public EquitySnapshotKeysOfUserSpec(Guid userId)
    {
        Query.Where(s => s.UserId == userId).OrderBy(s => s.At).ThenBy(s => s.Id);
        Query.Select(s => new EquitySnapshotKey(s.Id, new EquityPoint(s.At, s.Equity)));
    }
}

/// <summary>One recorded equity point and the id of its row.</summary>
public sealed record EquitySnapshotKey(Guid Id, EquityPoint Point);
