using Ardalis.Specification;
using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.Backtesting.Specifications;

/// <summary>The oldest queued job (ix_backtest_jobs_status_submitted_at).</summary>
public sealed class NextQueuedBacktestJobSpec : Specification<BacktestJob>
{
    public NextQueuedBacktestJobSpec()
    {
        Query.Where(j => j.Status == BacktestJobStatus.Queued).OrderBy(j => j.SubmittedAt).ThenBy(j => j.Id);
        Query.Take(1);
    }
}
