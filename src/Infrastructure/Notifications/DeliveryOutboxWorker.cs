using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// The transactional outbox of one channel (email, sms, webhook): the create path stores pending delivery rows in the
/// same save as the notification; this worker polls for the channel's due rows, claims a batch (<see cref="IDeliveryClaimer"/>),
/// then sends and records each one in its own scope (<see cref="DeliveryProcessor"/>). Nothing is lost on a restart or a
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

        foreach (var delivery in claimed)
        {
            // On shutdown the rest of the batch stays claimed and is due again when its lease ends.
            cancellationToken.ThrowIfCancellationRequested();
            await using var scope = scopeFactory.CreateAsyncScope();
            try
            {
                // A started send is finished and recorded even during shutdown, so it is not sent twice after a restart.
                await scope.ServiceProvider.GetRequiredService<DeliveryProcessor>().ProcessAsync(delivery, CancellationToken.None);
            }
#pragma warning disable CA1031 // One bad row (or a failed save) must not stop the others; the row is due again after its lease.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogDeliveryFailed(logger, channel.Channel, delivery.Id, exception);
            }
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} outbox worker disabled: {Reason}")]
    private static partial void LogDisabled(ILogger logger, NotificationChannel channel, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} outbox poll failed; retrying after the poll interval")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, NotificationChannel channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} delivery {DeliveryId} could not be processed; it is due again after its lease")]
    private static partial void LogDeliveryFailed(ILogger logger, NotificationChannel channel, Guid deliveryId, Exception exception);
}
