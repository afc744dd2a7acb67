using MediatR;
using RiskPlatform.Application.Backtesting.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.Backtesting.Commands.ClaimBacktestJob;

internal sealed class ClaimBacktestJobCommandHandler(IRepository<BacktestJob> jobs, AuditScope audit, TimeProvider timeProvider)
    : IRequestHandler<ClaimBacktestJobCommand, BacktestJobClaim?>
{
    public async Task<BacktestJobClaim?> Handle(ClaimBacktestJobCommand request, CancellationToken cancellationToken)
    {
        audit.Target("backtest_job", null).Unremarkable();
        var job = await jobs.FirstOrDefaultAsync(new NextQueuedBacktestJobSpec(), cancellationToken);
        if (job is null || !job.Start(timeProvider.GetUtcNow().UtcDateTime))
        {
            return null;
        }

        audit.ActAs(job.UserId).Target("backtest_job", job.Id).Describe("Started a backtest job").Unremarkable();
        return new BacktestJobClaim(job.Id, job.UserId, job.Request);
    }
}
