using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Infrastructure.Email;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// The transactional outbox for email: the create path stores pending delivery rows in the same save as the notification;
/// this worker polls for due rows, claims a batch (<see cref="IEmailDeliveryClaimer"/>), then sends and records each one
/// in its own scope (<see cref="EmailDeliveryProcessor"/>). Nothing is lost on a restart or an SMTP outage: an unsent row
/// stays pending (retried with backoff) or, if the worker died mid-batch, becomes due again when its lease ends.
/// Without <c>Smtp:Host</c> it does nothing.
/// </summary>
internal sealed partial class EmailOutboxWorker(
    IServiceScopeFactory scopeFactory,
    IOptions<SmtpOptions> smtpOptions,
    IOptions<NotificationOutboxOptions> outboxOptions,
    TimeProvider timeProvider,
    ILogger<EmailOutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtpOptions.Value.IsConfigured)
        {
            LogDisabled(logger);
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
                LogPollFailed(logger, exception);
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
            claimed = await scope.ServiceProvider.GetRequiredService<IEmailDeliveryClaimer>()
                .ClaimDueAsync(now, options.BatchSize, options.Lease, cancellationToken);
        }

        foreach (var delivery in claimed)
        {
            // On shutdown the rest of the batch stays claimed and is due again when its lease ends.
            cancellationToken.ThrowIfCancellationRequested();
            await using var scope = scopeFactory.CreateAsyncScope();
            try
            {
                // A started send is finished and recorded even during shutdown, so it is not sent twice after a restart.
                await scope.ServiceProvider.GetRequiredService<EmailDeliveryProcessor>().ProcessAsync(delivery, CancellationToken.None);
            }
#pragma warning disable CA1031 // One bad row (or a failed save) must not stop the others; the row is due again after its lease.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogDeliveryFailed(logger, delivery.Id, exception);
            }
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email outbox worker disabled: Smtp:Host is not set")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email outbox poll failed; retrying after the poll interval")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email delivery {DeliveryId} could not be processed; it is due again after its lease")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid deliveryId, Exception exception);
}
