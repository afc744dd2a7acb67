using Ardalis.Specification;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>A user's portfolio-risk state (at most one, by the unique user index).</summary>
public sealed class PortfolioStateForUserSpec : Specification<PortfolioState>
{
    public PortfolioStateForUserSpec(Guid userId) => Query.Where(s => s.UserId == userId);
}
