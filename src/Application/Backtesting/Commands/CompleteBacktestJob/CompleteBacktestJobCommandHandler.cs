using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Backtesting.Common;
using RiskPlatform.Application.Backtesting.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.Backtesting.Commands.CompleteBacktestJob;

internal sealed class CompleteBacktestJobCommandHandler(
    IRepository<BacktestJob> jobs,
    AuditScope audit,
    IOptions<BacktestOptions> options,
    TimeProvider timeProvider) : IRequestHandler<CompleteBacktestJobCommand, Unit>
{
    public async Task<Unit> Handle(CompleteBacktestJobCommand request, CancellationToken cancellationToken)
    {
        audit.Target("backtest_job", request.JobId).Unremarkable();
        var job = await jobs.FirstOrDefaultAsync(new BacktestJobByIdSpec(request.JobId), cancellationToken);
        if (job is null)
        {
            return Unit.Value;
        }

        audit.ActAs(job.UserId);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (request.ResultJson is { } result)
        {
            job.Succeed(result, now, options.Value.ResultRetention);
        }
        else
        {
            job.Fail(request.Error!, now, options.Value.ResultRetention);
        }

        return Unit.Value;
    }
}
