using Ardalis.Specification;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Commands.CompactEquityHistory;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Infrastructure.Monitoring;

/// <summary>
/// The monitor's timers: every <see cref="MonitoringOptions.PollInterval"/> (0 disables) it queues every user with an active
/// monitored rule, so accounts at brokers that push no quotes (Alpaca) are still evaluated; every
/// <see cref="MonitoringOptions.ActionRetryInterval"/> it queues the owners of pending monitor actions (their retries run after
/// the user's next monitor run); every <see cref="MonitoringOptions.CompactionInterval"/> (0 disables) it compacts each user's
/// equity history. A failed tick is logged and the next one tries again.
/// </summary>
internal sealed partial class PortfolioMonitorScheduler(
    IMonitorQueue queue,
    IServiceScopeFactory scopes,
    IOptions<MonitoringOptions> options,
    TimeProvider timeProvider,
    ILogger<PortfolioMonitorScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        return Task.WhenAll(
            EveryAsync(settings.PollInterval, EnqueueAsync<RiskRule>(() => new UsersWithMonitoredRulesSpec()), "poll", stoppingToken),
            EveryAsync(settings.ActionRetryInterval, EnqueueAsync<MonitorAction>(() => new UsersWithPendingMonitorActionsSpec()), "action retry", stoppingToken),
            EveryAsync(settings.CompactionInterval, CompactAsync, "equity history compaction", stoppingToken));
    }

    private async Task EveryAsync(TimeSpan interval, Func<CancellationToken, Task> tick, string name, CancellationToken stoppingToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await tick(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogTickFailed(logger, name, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Func<CancellationToken, Task> EnqueueAsync<T>(Func<ISpecification<T, Guid>> spec)
        where T : class, IAggregateRoot => async cancellationToken =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = await scope.ServiceProvider.GetRequiredService<IReadRepository<T>>().ListAsync(spec(), cancellationToken);
            foreach (var userId in users.Distinct())
            {
                queue.Enqueue(userId);
            }
        };

    private async Task CompactAsync(CancellationToken cancellationToken)
    {
        List<Guid> users;
        await using (var scope = scopes.CreateAsyncScope())
        {
            users = await scope.ServiceProvider.GetRequiredService<IReadRepository<PortfolioState>>()
                .ListAsync(new UsersWithEquityHistorySpec(), cancellationToken);
        }

        foreach (var userId in users)
        {
            await using var scope = scopes.CreateAsyncScope();
            var removed = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CompactEquityHistoryCommand(userId), cancellationToken);
            if (removed > 0)
            {
                LogCompacted(logger, userId, removed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitor {Timer} tick failed; retrying at the next tick")]
    private static partial void LogTickFailed(ILogger logger, string timer, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Equity history of user {UserId}: {Removed} point(s) compacted away")]
    private static partial void LogCompacted(ILogger logger, Guid userId, int removed);
}
