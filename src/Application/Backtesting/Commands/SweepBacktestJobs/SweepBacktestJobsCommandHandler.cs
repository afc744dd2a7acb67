using System.Globalization;
using MediatR;
using RiskPlatform.Application.Backtesting.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.Backtesting.Commands.SweepBacktestJobs;

internal sealed class SweepBacktestJobsCommandHandler(IRepository<BacktestJob> jobs, AuditScope audit, TimeProvider timeProvider)
    : IRequestHandler<SweepBacktestJobsCommand, int>
{
    public async Task<int> Handle(SweepBacktestJobsCommand request, CancellationToken cancellationToken)
    {
        var deleted = await jobs.DeleteAsync(new ExpiredBacktestJobsSpec(timeProvider.GetUtcNow().UtcDateTime), cancellationToken);
        audit.Target("backtest_job", null).Describe(string.Create(CultureInfo.InvariantCulture, $"Deleted {deleted} expired backtest job(s)"));
        if (deleted == 0)
        {
            audit.Unremarkable();
        }

        return deleted;
    }
}
