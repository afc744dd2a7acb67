using System.Globalization;
using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Backtesting.Common;
using RiskPlatform.Application.Backtesting.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Backtesting;

namespace RiskPlatform.Application.Backtesting.Commands.SubmitBacktest;

internal sealed class SubmitBacktestCommandHandler(
    BacktestPlanner planner,
    IRepository<BacktestJob> jobs,
    IBacktestJobQueue queue,
    IAfterCommitActions afterCommit,
    ICurrentUser currentUser,
    AuditScope audit,
    IOptions<BacktestOptions> options,
    TimeProvider timeProvider) : IRequestHandler<SubmitBacktestCommand, BacktestJobDto>
{
    public async Task<BacktestJobDto> Handle(SubmitBacktestCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var unfinished = await jobs.CountAsync(new UnfinishedBacktestJobsOfUserSpec(userId, now - settings.MaxRunTime), cancellationToken);
        if (unfinished >= settings.MaxUnfinishedJobsPerUser)
        {
            throw new TooManyRequestsException(
                "backtest_jobs_busy",
                $"You have {unfinished} backtest job(s) queued or running (at most {settings.MaxUnfinishedJobsPerUser}); wait for one to finish.",
                TimeSpan.FromSeconds(5));
        }

        var plan = await planner.PlanAsync(request, cancellationToken);
        var job = BacktestJob.Submit(userId, BacktestJson.Serialize(plan), now, settings.MaxRunTime + settings.ResultRetention);
        jobs.Add(job);
        audit.Target("backtest_job", job.Id).Describe(string.Create(
            CultureInfo.InvariantCulture,
            $"Submitted a backtest of {plan.Orders.Count} order(s) from {plan.From:yyyy-MM-dd} to {plan.To:yyyy-MM-dd} with {plan.Rules.Count} rule(s) as a job"));
        afterCommit.Enqueue(_ =>
        {
            queue.Signal();
            return Task.CompletedTask;
        });
        return BacktestJobDto.From(job, now, settings.MaxRunTime);
    }
}
