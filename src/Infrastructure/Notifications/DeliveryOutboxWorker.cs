using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// The transactional outbox of one channel (email, sms, webhook): the create path stores pending delivery rows in the
/// same save as the notification; this worker polls for the channel's due rows, claims a batch (<see cref="IDeliveryClaimer"/>),
/// then sends it — several rows at once, up to <see cref="NotificationOutboxOptions.MaxParallelism"/> — and records the
/// outcomes in one save (<see cref="DeliveryProcessor"/>). Nothing is lost on a restart or a
/// peer's outage: an unsent row stays pending (retried with backoff) or, if the worker died mid-batch, becomes due again
/// when its lease ends. A channel that is not configured does nothing.
/// </summary>
internal sealed partial class DeliveryOutboxWorker(
    OutboxChannel channel,
    IServiceScopeFactory scopeFactory,
    IOptions<NotificationOutboxOptions> outboxOptions,
    TimeProvider timeProvider,
    ILogger<DeliveryOutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!channel.Enabled)
        {
            LogDisabled(logger, channel.Channel, channel.DisabledBecause);
            return;
        }

        var options = outboxOptions.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must survive a database outage: log, wait, poll again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, exception, channel.Channel);
            }

            if (claimed < options.BatchSize)
            {
                try
                {
                    await Task.Delay(options.PollInterval, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One poll: claims up to a batch of due rows and processes them. Returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var options = outboxOptions.Value;
        IReadOnlyList<ClaimedDelivery> claimed;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            claimed = await scope.ServiceProvider.GetRequiredService<IDeliveryClaimer>()
                .ClaimDueAsync(channel.Channel, now, options.BatchSize, options.Lease, cancellationToken);
        }

        if (claimed.Count > 0)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            try
            {
                // Sends already started when shutdown begins are finished and recorded; the rest stay claimed until their lease ends.
                await scope.ServiceProvider.GetRequiredService<DeliveryProcessor>()
                    .ProcessAsync(channel.Channel, claimed, options.MaxParallelism, cancellationToken);
            }
#pragma warning disable CA1031 // A failed batch (e.g. the database gone at save) must not stop the worker; its rows are due again after their lease.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogBatchFailed(logger, exception, channel.Channel, claimed.Count);
            }
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} outbox worker disabled: {Reason}")]
    private static partial void LogDisabled(ILogger logger, NotificationChannel channel, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} outbox poll failed; retrying after the poll interval")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, NotificationChannel channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} outbox batch of {Count} could not be processed; its rows are due again after their lease")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, NotificationChannel channel, int count);
}
