using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// The transactional outbox of one channel (email, sms, webhook): the create path stores pending delivery rows in the
/// same save as the notification; this worker claims the channel's due rows in batches (<see cref="IDeliveryClaimer"/>),
/// then sends each batch — several rows at once, up to <see cref="NotificationOutboxOptions.MaxParallelism"/> — and records
/// its outcomes in one save (<see cref="DeliveryProcessor"/>). Up to <see cref="NotificationOutboxOptions.MaxBatchesInFlight"/>
/// batches are in flight at once: the next rows are claimed while a batch is still sending, so a new row never waits for
/// the slowest send, the save and the claim of the batch before it. The worker claims again at once after a full batch,
/// when the create path signals rows due now (<see cref="DeliveryOutboxSignal"/>, after its commit; at most every 50 ms, so
/// the rows of notifications created close together share a claim), and otherwise every
/// <see cref="NotificationOutboxOptions.PollInterval"/> (rows of other instances, retries, scheduled rows). Nothing is lost
/// on a restart or a peer's outage: an unsent row stays pending (retried with backoff) or, if the worker died mid-batch,
/// becomes due again when its lease ends. A channel that is not configured does nothing.
/// </summary>
internal sealed partial class DeliveryOutboxWorker(
    OutboxChannel channel,
    IServiceScopeFactory scopeFactory,
    DeliveryOutboxSignal signal,
    IOptions<NotificationOutboxOptions> outboxOptions,
    TimeProvider timeProvider,
    ILogger<DeliveryOutboxWorker> logger) : BackgroundService
{
    /// <summary>The least time between two claims after a wake-up (or the poll interval, when shorter).</summary>
    private static readonly TimeSpan MinClaimSpacing = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!channel.Enabled)
        {
            LogDisabled(logger, channel.Channel, channel.DisabledBecause);
            return;
        }

        var options = outboxOptions.Value;
        var inFlight = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveAll(batch => batch.IsCompleted);
                if (inFlight.Count >= options.MaxBatchesInFlight)
                {
                    await Task.WhenAny(inFlight);
                    continue;
                }

                // Taken before the claim: a row committed while the claim runs (and missed by it) still wakes the wait below.
                var wakeUp = signal.Next(channel.Channel);
                var claimStarted = timeProvider.GetTimestamp();
                var claimed = 0;
                try
                {
                    var batch = await ClaimAsync(stoppingToken);
                    claimed = batch.Count;
                    if (claimed > 0)
                    {
                        inFlight.Add(ProcessAsync(batch, stoppingToken));
                    }
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
                    await WaitAsync(wakeUp, options.PollInterval, stoppingToken);

                    // Wake-ups come with every new notification: the rows of those that follow within a few milliseconds are
                    // claimed together, instead of a claim, a load and a save for each.
                    var spacing = options.PollInterval < MinClaimSpacing ? options.PollInterval : MinClaimSpacing;
                    var since = timeProvider.GetElapsedTime(claimStarted);
                    if (since < spacing && !stoppingToken.IsCancellationRequested)
                    {
                        await Task.Delay(spacing - since, timeProvider, CancellationToken.None);
                    }
                }
            }
        }
        finally
        {
            // Sends already started are finished and recorded before the worker stops (see DeliveryProcessor.ProcessAsync).
            await Task.WhenAll(inFlight);
        }
    }

    /// <summary>One poll: claims up to a batch of due rows and processes them. Returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        await ProcessAsync(claimed, cancellationToken);
        return claimed.Count;
    }

    private async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        var options = outboxOptions.Value;
        IReadOnlyList<ClaimedDelivery> claimed;
        var claimStarted = timeProvider.GetTimestamp();
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            claimed = await scope.ServiceProvider.GetRequiredService<IDeliveryClaimer>()
                .ClaimDueAsync(channel.Channel, now, options.BatchSize, options.Lease, cancellationToken);
        }

        if (claimed.Count > 0)
        {
            LogClaimed(logger, channel.Channel, claimed.Count, timeProvider.GetElapsedTime(claimStarted).TotalMilliseconds);
        }

        return claimed;
    }

    /// <summary>Sends and records a claimed batch in a scope of its own. Never throws: a failed batch is due again after its lease.</summary>
    private async Task ProcessAsync(IReadOnlyList<ClaimedDelivery> claimed, CancellationToken cancellationToken)
    {
        if (claimed.Count == 0)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        try
        {
            // Sends already started when shutdown begins are finished and recorded; the rest stay claimed until their lease ends.
            await scope.ServiceProvider.GetRequiredService<DeliveryProcessor>()
                .ProcessAsync(channel.Channel, claimed, outboxOptions.Value.MaxParallelism, cancellationToken);
        }
#pragma warning disable CA1031 // A failed batch (e.g. the database gone at save) must not stop the worker; its rows are due again after their lease.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogBatchFailed(logger, exception, channel.Channel, claimed.Count);
        }
    }

    /// <summary>Until the poll interval has passed or <paramref name="wakeUp"/> completes, whichever comes first.</summary>
    private async Task WaitAsync(Task wakeUp, TimeSpan pollInterval, CancellationToken stoppingToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(pollInterval, timeProvider, poll.Token);
        await Task.WhenAny(wakeUp, delay);
        await poll.CancelAsync(); // the delay's timer, when the signal came first
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Channel} outbox claimed {Count} rows in {ClaimMs:F1} ms")]
    private static partial void LogClaimed(ILogger logger, NotificationChannel channel, int count, double claimMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} outbox worker disabled: {Reason}")]
    private static partial void LogDisabled(ILogger logger, NotificationChannel channel, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} outbox poll failed; retrying after the poll interval")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, NotificationChannel channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} outbox batch of {Count} could not be processed; its rows are due again after their lease")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, NotificationChannel channel, int count);
}
