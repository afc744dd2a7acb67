using Ardalis.Specification;
using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.Backtesting.Specifications;

/// <summary>Jobs past their expiry.</summary>
public sealed class ExpiredBacktestJobsSpec : Specification<BacktestJob>
{
    public ExpiredBacktestJobsSpec(DateTime now) => Query.Where(j => j.ExpiresAt <= now);
}
