using Ardalis.Specification;
using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.Backtesting.Specifications;

/// <summary>One backtest job by id (tracked when read through the writing repository).</summary>
public sealed class BacktestJobByIdSpec : Specification<BacktestJob>
{
    public BacktestJobByIdSpec(Guid id) => Query.Where(j => j.Id == id);
}
