using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Domain.Common;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// Sends one claimed batch of one channel and records the outcomes, in its own scope: the rows, their notifications and
/// whatever the channel's sender needs are loaded in a few queries; the sends run concurrently, at most
/// <c>maxParallelism</c> at a time; the outcomes — sent (and the channel recorded on the notification), a transient failure
/// (retried with backoff), a permanent failure, or suppressed when the notification expired or is gone or the sender dropped
/// the row — are then saved together. Should that save meet a conflict (a row taken over, an aggregate changed meanwhile),
/// the changes are dropped and each outcome is recorded again, on freshly loaded state, in a save of its own, so one row
/// never costs the others their record.
/// </summary>
internal sealed partial class DeliveryProcessor(
    IRepository<NotificationDelivery> deliveries,
    IRepository<Notification> notifications,
    IEnumerable<IDeliveryChannelSender> senders,
    IUnitOfWork unitOfWork,
    AfterCommitActions afterCommit,
    TimeProvider timeProvider,
    IRiskMetrics metrics,
    IOptions<NotificationOutboxOptions> outboxOptions,
    ILogger<DeliveryProcessor> logger)
{
    /// <summary><see cref="NotificationDelivery.StatusReason"/> when the notification was deleted before the row went out.</summary>
    public const string NotificationDeleted = "notification_deleted";

    /// <summary>
    /// Processes <paramref name="claimed"/> (all of <paramref name="channel"/>). Once <paramref name="stopping"/> is
    /// cancelled no further send starts; a started one is finished and recorded, so it is not sent twice after a restart.
    /// Rows not started stay claimed and are due again when their lease ends; so does a row that waited behind slower sends
    /// until less than half of its lease was left (<see cref="HasLeaseToSend"/>).
    /// </summary>
    public async Task ProcessAsync(
        NotificationChannel channel, IReadOnlyList<ClaimedDelivery> claimed, int maxParallelism, CancellationToken stopping)
    {
        if (claimed.Count == 0)
        {
            return;
        }

        var started = timeProvider.GetTimestamp();
        var sender = senders.FirstOrDefault(s => s.Channel == channel);
        var stamps = claimed.ToDictionary(c => c.Id, c => c.ConcurrencyStamp);
        var rows = await deliveries.ListAsync(new OutboxDeliveriesByIdsSpec(stamps.Keys), CancellationToken.None);
        var ours = new List<NotificationDelivery>(rows.Count);
        foreach (var row in rows)
        {
            if (row.IsTerminal || row.ConcurrencyStamp != stamps[row.Id])
            {
                // Finished, or claimed by another worker after our lease ran out: theirs now.
                LogTakenOver(logger, row.Channel, row.Id);
            }
            else
            {
                ours.Add(row);
            }
        }

        var notificationIds = ours.Select(d => d.NotificationId).Distinct().ToList();
        var byId = notificationIds.Count == 0
            ? []
            : (await notifications.ListAsync(new NotificationsForDeliveriesSpec(notificationIds), CancellationToken.None)).ToDictionary(n => n.Id);

        var work = new List<Work>(ours.Count);
        var now = Now();
        foreach (var delivery in ours)
        {
            var notification = byId.GetValueOrDefault(delivery.NotificationId);
            work.Add(new Work(delivery, notification)
            {
                Attempt = notification is null ? DeliveryAttempt.Dropped(NotificationDeleted)
                    : notification.IsExpired(now) ? DeliveryAttempt.Dropped(DeliveryReasons.Expired)
                    : null,
            });
        }

        var oldestWait = ours.Count == 0 ? TimeSpan.Zero : now - ours.Min(d => d.CreatedAt);
        var loaded = timeProvider.GetTimestamp();
        var toSend = work.Where(w => w.Attempt is null).ToList();
        if (sender is not null && toSend.Count > 0)
        {
            await sender.PrepareAsync(toSend.Select(w => w.Delivery).ToList(), CancellationToken.None);
        }

        var prepared = timeProvider.GetTimestamp();

        await Parallel.ForEachAsync(
            toSend,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) },
            async (item, _) =>
            {
                if (!stopping.IsCancellationRequested && HasLeaseToSend(item.Delivery))
                {
                    var sendStarted = timeProvider.GetTimestamp();
                    item.Attempt = await SendAsync(sender, item.Notification!, item.Delivery);
                    item.FinishedAt = Now();
                    item.SendTook = timeProvider.GetElapsedTime(sendStarted);
                }
            });

        var sent = timeProvider.GetTimestamp();
        if (toSend.Count(w => w.Attempt is null) is > 0 and var leftOver && !stopping.IsCancellationRequested)
        {
            LogLeaseRunningOut(logger, channel, leftOver);
        }

        var recorded = work.Where(w => w.Attempt is not null).ToList();
        foreach (var item in recorded)
        {
            Apply(sender, item.Delivery, item.Notification, item.Attempt!, item.FinishedAt ?? now);
        }

        try
        {
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        }
        catch (ConflictException)
        {
            afterCommit.Discard();
            unitOfWork.DiscardChanges();
            LogBatchConflict(logger, channel, recorded.Count);
            foreach (var item in recorded)
            {
                await RecordAloneAsync(channel, new ClaimedDelivery(item.Delivery.Id, stamps[item.Delivery.Id]), item.Attempt!, item.FinishedAt ?? now);
            }

            return;
        }
        catch
        {
            afterCommit.Discard();
            throw;
        }

        var saved = timeProvider.GetTimestamp();
        LogBatchTimings(
            logger, channel, claimed.Count, toSend.Count, oldestWait.TotalMilliseconds, Ms(started, loaded), Ms(loaded, prepared),
            Ms(prepared, sent), toSend.Select(w => w.SendTook).DefaultIfEmpty().Max().TotalMilliseconds, Ms(sent, saved));

        // Saved outside the MediatR pipeline: run what domain event handlers queued for after the commit (e.g. pushes).
        await afterCommit.RunAsync(CancellationToken.None);
        foreach (var item in recorded)
        {
            metrics.NotificationDelivered(channel, item.Delivery.Status);
            LogRecorded(logger, channel, item.Delivery.Id, item.Delivery.Status, item.Delivery.StatusReason, item.Delivery.Attempts);
        }
    }

    /// <summary>
    /// Records one attempt in a save of its own, on the row as it is now (the change tracker was cleared): if another worker
    /// took the row over since, nothing is recorded — the attempt happened, but the row is theirs, and their own attempt
    /// is what counts.
    /// </summary>
    private async Task RecordAloneAsync(NotificationChannel channel, ClaimedDelivery claimed, DeliveryAttempt attempt, DateTime finishedAt)
    {
        try
        {
            var delivery = await deliveries.FirstOrDefaultAsync(new OutboxDeliveryByIdSpec(claimed.Id), CancellationToken.None);
            if (delivery is null || delivery.IsTerminal || delivery.ConcurrencyStamp != claimed.ConcurrencyStamp)
            {
                LogOutcomeNotRecorded(logger, channel, claimed.Id, attempt.Outcome);
                return;
            }

            var notification = await notifications.FirstOrDefaultAsync(new NotificationForDeliverySpec(delivery.NotificationId), CancellationToken.None);
            var sender = senders.FirstOrDefault(s => s.Channel == channel);
            if (sender is not null)
            {
                await sender.PrepareAsync([delivery], CancellationToken.None);
            }

            Apply(sender, delivery, notification, attempt, finishedAt);
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
            await afterCommit.RunAsync(CancellationToken.None);
            metrics.NotificationDelivered(channel, delivery.Status);
            LogRecorded(logger, channel, delivery.Id, delivery.Status, delivery.StatusReason, delivery.Attempts);
        }
#pragma warning disable CA1031 // One row that cannot be recorded must not cost the others theirs; it is due again after its lease.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            afterCommit.Discard();
            unitOfWork.DiscardChanges();
            LogRecordFailed(logger, exception, channel, claimed.Id);
        }
    }

    private static void Apply(
        IDeliveryChannelSender? sender, NotificationDelivery delivery, Notification? notification, DeliveryAttempt attempt, DateTime now)
    {
        if (notification is null && attempt.Outcome == DeliveryAttemptOutcome.Sent)
        {
            // Sent, then the notification was deleted before the record: the row still says it went out.
            delivery.MarkSent(now, attempt.ExternalId);
            return;
        }

        sender?.Record(delivery, attempt, now);
        switch (attempt.Outcome)
        {
            case DeliveryAttemptOutcome.Sent:
                delivery.MarkSent(now, attempt.ExternalId);
                notification!.RecordDelivered(delivery.Channel, now);
                break;
            case DeliveryAttemptOutcome.PermanentFailure:
                delivery.RecordFailure(attempt.Detail ?? "permanent failure", permanent: true, now, Random.Shared.NextDouble());
                break;
            case DeliveryAttemptOutcome.Dropped:
                delivery.Suppress(attempt.Detail ?? "dropped");
                break;
            default:
                delivery.RecordFailure(attempt.Detail ?? "transient failure", permanent: false, now, Random.Shared.NextDouble());
                break;
        }
    }

    /// <summary>
    /// Sends through the channel's sender. Whatever goes wrong is a transient failure of this attempt (counted, backed off,
    /// failed after the attempt limit): an exception that escaped here would leave the row pending with no attempt
    /// recorded, claimed again at every lease, forever and unseen. Only the exception's type and message are kept: the
    /// senders already mask their credentials.
    /// </summary>
    private async Task<DeliveryAttempt> SendAsync(IDeliveryChannelSender? sender, Notification notification, NotificationDelivery delivery)
    {
        try
        {
            return sender is null
                ? throw new InvalidOperationException($"No sender is registered for the {delivery.Channel} channel.")
                : await sender.SendAsync(notification, delivery, CancellationToken.None);
        }
#pragma warning disable CA1031 // Recorded as a failed attempt (see above).
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogUnexpected(logger, exception, delivery.Channel, delivery.Id);
            return DeliveryAttempt.Transient($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Whether a claimed row may still start its send: at least half of its lease is left (the claim set
    /// <see cref="NotificationDelivery.NextAttemptAt"/> to the lease's end). A row that waited longer behind slow sends is
    /// not sent by this worker: a send started so late could still be running when the lease ends and another worker
    /// claims the row again, and the message would go out twice.
    /// </summary>
    private bool HasLeaseToSend(NotificationDelivery delivery) =>
        delivery.NextAttemptAt is { } leaseEnds && Now() <= leaseEnds - (outboxOptions.Value.Lease / 2);

    private double Ms(long from, long to) => timeProvider.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>One row of the batch: its attempt is set before sending when there is nothing to send (deleted, expired).</summary>
    private sealed class Work(NotificationDelivery delivery, Notification? notification)
    {
        public NotificationDelivery Delivery { get; } = delivery;

        public Notification? Notification { get; } = notification;

        public DeliveryAttempt? Attempt { get; set; }

        public DateTime? FinishedAt { get; set; }

        /// <summary>How long its send took (zero when it was not sent): the batch's timings name the slowest.</summary>
        public TimeSpan SendTook { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} delivery {DeliveryId} failed unexpectedly; recorded as a failed attempt")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, NotificationChannel channel, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} delivery {DeliveryId} was taken over or finished elsewhere; skipped")]
    private static partial void LogTakenOver(ILogger logger, NotificationChannel? channel, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} outbox: {Count} claimed rows waited past half their lease behind slower sends; not sent now, due again when their lease ends")]
    private static partial void LogLeaseRunningOut(ILogger logger, NotificationChannel channel, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} outbox batch of {Count} met a conflict at save; recording each row on its own")]
    private static partial void LogBatchConflict(ILogger logger, NotificationChannel channel, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} delivery {DeliveryId} was taken over while this worker sent it; its outcome ({Outcome}) was not recorded")]
    private static partial void LogOutcomeNotRecorded(ILogger logger, NotificationChannel channel, Guid deliveryId, DeliveryAttemptOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} delivery {DeliveryId} could not be recorded; it is due again after its lease")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, NotificationChannel channel, Guid deliveryId);

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "{Channel} outbox batch: {Claimed} claimed, {Sent} sent; oldest row waited {OldestWaitMs:F0} ms before its batch; load {LoadMs:F1} ms, prepare {PrepareMs:F1} ms, sends {SendMs:F1} ms (slowest {SlowestSendMs:F1} ms), save {SaveMs:F1} ms")]
    private static partial void LogBatchTimings(
        ILogger logger, NotificationChannel channel, int claimed, int sent, double oldestWaitMs, double loadMs, double prepareMs, double sendMs,
        double slowestSendMs, double saveMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Channel} delivery {DeliveryId} is {DeliveryStatus} ({StatusReason}) after {Attempts} attempts")]
    private static partial void LogRecorded(ILogger logger, NotificationChannel channel, Guid deliveryId, DeliveryStatus deliveryStatus, string? statusReason, int attempts);
}
