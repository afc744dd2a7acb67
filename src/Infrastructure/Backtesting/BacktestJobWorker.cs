using System.Threading.Channels;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Backtesting.Commands.ClaimBacktestJob;
using RiskPlatform.Application.Backtesting.Commands.CompleteBacktestJob;
using RiskPlatform.Application.Backtesting.Commands.SweepBacktestJobs;
using RiskPlatform.Application.Backtesting.Common;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Infrastructure.Backtesting;

/// <summary>
/// Runs queued backtest jobs one at a time: claims the oldest (a command, so two nodes never run one job), runs its plan outside
/// any transaction (<see cref="BacktestRunner"/>), and records the result or the failure (another command). It wakes when this
/// node queues a job (<see cref="IBacktestJobQueue"/>) and otherwise every <see cref="BacktestOptions.PollInterval"/>, which also
/// finds jobs queued by other nodes or left queued by a restart; expired jobs are swept about once a minute.
/// </summary>
internal sealed partial class BacktestJobWorker(
    IServiceScopeFactory scopes,
    IOptions<BacktestOptions> options,
    TimeProvider timeProvider,
    ILogger<BacktestJobWorker> logger) : BackgroundService, IBacktestJobQueue
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Signal() => _signals.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunQueuedAsync(stoppingToken);
                if (timeProvider.GetUtcNow() >= nextSweep)
                {
                    await SendAsync(new SweepBacktestJobsCommand(), stoppingToken);
                    nextSweep = timeProvider.GetUtcNow() + SweepInterval;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLoopFailed(logger, exception);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(options.Value.PollInterval);
            try
            {
                await _signals.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The poll interval passed without a signal: look anyway.
            }
        }
    }

    private async Task RunQueuedAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            BacktestJobClaim? claim;
            try
            {
                claim = await SendAsync(new ClaimBacktestJobCommand(), cancellationToken);
            }
            catch (ConflictException)
            {
                // Another node claimed the same job first: look for the next one.
                continue;
            }

            if (claim is null)
            {
                return;
            }

            var (result, error) = await RunAsync(claim, cancellationToken);
            await SendAsync(new CompleteBacktestJobCommand(claim.JobId, result, error), CancellationToken.None);
        }
    }

    private async Task<(string? Result, string? Error)> RunAsync(BacktestJobClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var plan = BacktestJson.Deserialize<BacktestPlan>(claim.Plan);
            var result = await scope.ServiceProvider.GetRequiredService<BacktestRunner>().RunAsync(plan, cancellationToken);
            return (BacktestJson.Serialize(result), null);
        }
        catch (ValidationException exception)
        {
            return (null, string.Join("; ", exception.Errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogJobFailed(logger, exception, claim.JobId);
            return (null, $"The backtest failed unexpectedly ({exception.GetType().Name}); the service log has the details of job {claim.JobId}.");
        }
    }

    private async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The backtest worker's loop failed; it tries again at the next poll")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backtest job {JobId} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, Guid jobId);
}
