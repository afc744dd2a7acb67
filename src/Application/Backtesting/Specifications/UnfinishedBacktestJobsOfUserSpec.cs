using Ardalis.Specification;
using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.Backtesting.Specifications;

/// <summary>
/// A user's jobs still queued, or running and started after <paramref name="runningSince"/> (an older running job was lost with
/// its worker and no longer counts).
/// </summary>
public sealed class UnfinishedBacktestJobsOfUserSpec : Specification<BacktestJob>
{
    public UnfinishedBacktestJobsOfUserSpec(Guid userId, DateTime runningSince) =>
        Query.Where(j => j.UserId == userId
            && (j.Status == BacktestJobStatus.Queued || (j.Status == BacktestJobStatus.Running && j.StartedAt > runningSince)));
}
