using Ardalis.Specification;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>Which of <paramref name="candidates"/> have a portfolio state.</summary>
public sealed class UsersWithPortfolioStateSpec : Specification<PortfolioState, Guid>
{
    public UsersWithPortfolioStateSpec(IReadOnlyCollection<Guid> candidates)
    {
        Query.Where(s => candidates.Contains(s.UserId));
        Query.Select(s => s.UserId);
    }
}
