using Ardalis.Specification;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>Users that have a portfolio state (and so, possibly, an equity history to compact).</summary>
public sealed class UsersWithEquityHistorySpec : Specification<PortfolioState, Guid>
{
    public UsersWithEquityHistorySpec() => Query.Select(s => s.UserId);
}
