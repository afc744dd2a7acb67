using Ardalis.Specification;
using RiskPlatform.Domain.Portfolio.Monitoring;

namespace RiskPlatform.Application.Portfolio.Specifications;

/// <summary>One monitor action of one user: another user's action is not found.</summary>
public sealed class MonitorActionOfUserSpec : Specification<MonitorAction>
{
    public MonitorActionOfUserSpec(Guid userId, Guid id) => Query.Where(a => a.Id == id && a.UserId == userId);
}
