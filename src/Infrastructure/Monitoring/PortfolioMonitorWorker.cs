using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Commands.RunPortfolioMonitor;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Portfolio.Queries.ScreenPortfolioMonitor;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio.State;

namespace RiskPlatform.Infrastructure.Monitoring;

/// <summary>
/// Drains <see cref="IMonitorQueue"/> with <see cref="MonitoringOptions.Concurrency"/> consumers: per user, in its own scope, <see cref="ScreenPortfolioMonitorQuery"/> (a read on the
/// account's actor: a quiet evaluation stores nothing) and, when the screen finds something to store,
/// <see cref="RunPortfolioMonitorCommand"/> (audited like any command), then the user's pending monitor actions through
/// <see cref="MonitorActionRunner"/>, i.e. after the decision committed. A screen that fails leaves the decision to the run, which
/// fails or succeeds on its own (and is audited either way), as before the screen existed.
/// A run that loses a concurrency race (a conflict) is retried once, reloading everything. On start it queues the owners of
/// actions left pending by a previous process, so an outbox interrupted by a restart is finished.
/// </summary>
internal sealed partial class PortfolioMonitorWorker(
    IMonitorQueue queue,
    IServiceScopeFactory scopes,
    MonitorActionRunner actionRunner,
    IOptions<MonitoringOptions> options,
    ILogger<PortfolioMonitorWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger);
        await EnqueueOwnersOfPendingActionsAsync(stoppingToken);
        LogReady(logger);
        await Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(_ => ConsumeAsync(stoppingToken)));
    }

    /// <summary>One of the consumers: the queue never hands the same user to two of them at a time.</summary>
    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Guid userId;
            try
            {
                userId = await queue.DequeueAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await ProcessAsync(userId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One user's failure must not stop the monitor for everyone else.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogUserFailed(logger, userId, exception);
            }
            finally
            {
                queue.Complete(userId);
            }
        }
    }

    private async Task ProcessAsync(Guid userId, CancellationToken cancellationToken)
    {
        var actionsMayWait = true;
        try
        {
            actionsMayWait = await RunAsync(userId, cancellationToken);
        }
        catch (ConflictException)
        {
            // Another writer changed the state or an episode between our read and our save: evaluate again from fresh data.
            actionsMayWait = await RunAsync(userId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // E.g. the broker is unreachable: the run is audited as failed; the user's pending actions are still attempted.
            LogRunFailed(logger, userId, exception);
        }

        if (actionsMayWait)
        {
            await actionRunner.RunPendingAsync(userId, cancellationToken);
        }
    }

    /// <summary>Screens and, when needed, runs the monitor; false when the screen settled it and no action waits.</summary>
    private async Task<bool> RunAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var screen = await ScreenAsync(mediator, userId, cancellationToken);
        if (screen is { RunNeeded: false })
        {
            return screen.PendingActions;
        }

        var run = await mediator.Send(new RunPortfolioMonitorCommand(userId), cancellationToken);
        if (run.Opened > 0 || run.Closed > 0)
        {
            LogRun(logger, userId, run.Opened, run.Closed, run.ActionsQueued, run.State);
        }

        return true;
    }

    /// <summary>The screen's answer, or null when it failed (the run then decides).</summary>
    private async Task<PortfolioMonitorScreen?> ScreenAsync(IMediator mediator, Guid userId, CancellationToken cancellationToken)
    {
        try
        {
            var screen = await mediator.Send(new ScreenPortfolioMonitorQuery(userId), cancellationToken);
            LogScreened(logger, userId, screen.Reason);
            return screen;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogScreenFailed(logger, userId, exception);
            return null;
        }
    }

    private async Task EnqueueOwnersOfPendingActionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var owners = await scope.ServiceProvider.GetRequiredService<IReadRepository<MonitorAction>>()
                .ListAsync(new UsersWithPendingMonitorActionsSpec(), cancellationToken);
            foreach (var userId in owners.Distinct())
            {
                queue.Enqueue(userId);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The retry sweep finds them later.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogStartupSweepFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Portfolio monitor worker starting")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Portfolio monitor worker ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitor run for user {UserId}: {Opened} episode(s) opened, {Closed} ended, {ActionsQueued} action(s) queued; trading {TradingState}")]
    private static partial void LogRun(ILogger logger, Guid userId, int opened, int closed, int actionsQueued, TradingState tradingState);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Monitor run for user {UserId} failed; the next quote, fill or poll runs it again")]
    private static partial void LogRunFailed(ILogger logger, Guid userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Monitor screen for user {UserId}: {Reason}")]
    private static partial void LogScreened(ILogger logger, Guid userId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Monitor screen for user {UserId} failed; running the monitor")]
    private static partial void LogScreenFailed(ILogger logger, Guid userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitoring user {UserId} failed")]
    private static partial void LogUserFailed(ILogger logger, Guid userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the owners of pending monitor actions at start; the retry sweep will")]
    private static partial void LogStartupSweepFailed(ILogger logger, Exception exception);
}
