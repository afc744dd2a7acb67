using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Queries.ScreenPortfolioMonitor;

namespace RiskPlatform.Application.Portfolio.Monitoring;

/// <summary>
/// The portfolio monitor's evaluation of an account whose actor was told of new quotes, started by the actor itself: the actor
/// calls <see cref="Request"/> once it has taken the quotes, and the account's screen (<see cref="ScreenPortfolioMonitorQuery"/>,
/// answered from the actor's memory: a quiet evaluation reads and stores nothing) runs on the thread pool, on the node that
/// hosts the actor. Only when the screen asks for a run, finds actions of earlier runs waiting, or fails is the account queued
/// for the monitor's worker (<see cref="IMonitorQueue"/>), which screens again, runs, audits and acts. A quote thus costs a
/// quiet account one call to its actor, not a queue round trip and a second call. Screens are coalesced per account
/// (<see cref="ScreenRequests"/>), and count as the queue's work from the request to their end
/// (<see cref="IMonitorQueue.BeginScreen"/>), so waiting for the monitor after a quote's answer waits for them too. At most
/// <see cref="MonitoringOptions.Concurrency"/> screens run at once on a node; the others wait without holding a thread, so a
/// quote held by thousands of accounts never floods the thread pool ahead of the requests and the database's writer.
/// </summary>
public sealed partial class QuoteScreening(
    IMonitorQueue queue, IOptions<MonitoringOptions> options, ILogger<QuoteScreening> logger, IRiskMetrics? metrics = null) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.Concurrency, options.Value.Concurrency);

    /// <summary>
    /// Screens the account of <paramref name="accountUserId"/> with <paramref name="screen"/> (which sends
    /// <see cref="ScreenPortfolioMonitorQuery"/> on its actor) soon, unless a screen already waits, which these quotes then join.
    /// Returns at once.
    /// </summary>
    public void Request(Guid accountUserId, ScreenRequests requests, Func<CancellationToken, Task<PortfolioMonitorScreen>> screen)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(screen);
        if (!requests.Request())
        {
            return;
        }

        queue.BeginScreen(accountUserId);
        _ = Task.Run(() => RunAsync(accountUserId, requests, screen));
    }

    private async Task RunAsync(Guid accountUserId, ScreenRequests requests, Func<CancellationToken, Task<PortfolioMonitorScreen>> screen)
    {
        try
        {
            do
            {
                await _slots.WaitAsync();
                long since;
                bool needsTheWorker;
                try
                {
                    since = requests.Take();
                    metrics?.MonitorLag(Stopwatch.GetElapsedTime(since));
                    needsTheWorker = await NeedsTheWorkerAsync(accountUserId, screen);
                }
                finally
                {
                    _slots.Release();
                }

                if (needsTheWorker)
                {
                    queue.Enqueue(accountUserId);
                }

                metrics?.MonitorEvaluated(Stopwatch.GetElapsedTime(since));
            }
            while (requests.Again());
        }
        catch (ObjectDisposedException)
        {
            // The node is stopping: the next process's poller evaluates the account.
        }
        finally
        {
            queue.EndScreen(accountUserId);
        }
    }

    /// <summary>Whether the worker must take the account: a run needed, actions waiting, or a failed screen (the run then decides).</summary>
    private async Task<bool> NeedsTheWorkerAsync(Guid accountUserId, Func<CancellationToken, Task<PortfolioMonitorScreen>> screen)
    {
        try
        {
            var result = await screen(CancellationToken.None);
            LogScreened(logger, accountUserId, result.Reason);
            return result.RunNeeded || result.PendingActions;
        }
#pragma warning disable CA1031 // A failed screen is the worker's to decide, never the end of this account's screens.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogScreenFailed(logger, accountUserId, exception);
            return true;
        }
    }

    public void Dispose() => _slots.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Monitor screen after quotes for user {UserId}: {Reason}")]
    private static partial void LogScreened(ILogger logger, Guid userId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Monitor screen after quotes for user {UserId} failed; queued for a run")]
    private static partial void LogScreenFailed(ILogger logger, Guid userId, Exception exception);
}
