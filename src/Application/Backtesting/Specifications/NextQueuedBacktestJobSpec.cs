using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.Backtesting.Specifications;

/// <summary>The oldest queued job (ix_backtest_jobs_status_submitted_at).</summary>
public sealed class NextQueuedBacktestJobSpec : Specification<BacktestJob>
{
    public NextQueuedBacktestJobSpec()
    {
        Query.Where(j => j.Status == BacktestJobStatus.Queued).OrderBy(j => j.SubmittedAt).OrderBy(j => j.Id);
        Query.Take(1);
    }
}
