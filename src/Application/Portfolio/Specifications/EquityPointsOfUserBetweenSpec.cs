using Ardalis.Specification;
using RiskPlatform.Domain.Portfolio.Equity;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>A user's recorded equity from <paramref name="from"/> to <paramref name="to"/> (both included), oldest first (served by ix_equity_snapshots_user_history).</summary>
public sealed class EquityPointsOfUserBetweenSpec : Specification<EquitySnapshot, EquityPoint>
{
    public EquityPointsOfUserBetweenSpec(Guid userId, DateTime from, DateTime to)
    {
        Query.Where(s => s.UserId == userId && s.At >= from && s.At <= to).OrderBy(s => s.At).ThenBy(s => s.Id);
        Query.Select(s => new EquityPoint(s.At, s.Equity));
    }
}
