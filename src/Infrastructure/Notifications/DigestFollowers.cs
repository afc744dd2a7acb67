using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Infrastructure.Notifications;

/// <summary>
/// The digest side of a channel sender (email, sms): for the rows of a batch, the waiting rows that joined them
/// (<see cref="NotificationDelivery.DigestLeaderId"/>) and their notifications, loaded in two queries; the leader's message
/// then carries them all (<see cref="Digest"/>), and their rows are recorded with the leader's outcome
/// (<see cref="Record"/>): sent together, failed together, or — while the leader retries — kept waiting behind it. A joined
/// row whose notification expired meanwhile is dropped (<c>expired</c>); if the leader itself is dropped, its followers are
/// released to go out on their own.
/// </summary>
internal sealed class DigestFollowers(IRepository<NotificationDelivery> deliveries, IRepository<Notification> notifications)
{
    /// <summary>How long followers wait behind a leader that is retrying before they would go out on their own.</summary>
    public static readonly TimeSpan LeaderRetryGrace = TimeSpan.FromDays(1);

    private Dictionary<Guid, List<(NotificationDelivery Row, Notification Notification)>> _byLeader = [];

    public async Task PrepareAsync(IReadOnlyCollection<NotificationDelivery> batch, CancellationToken cancellationToken)
    {
        _byLeader = [];
        var ids = batch.Select(d => d.Id).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var followers = await deliveries.ListAsync(new OpenDigestFollowersSpec(ids), cancellationToken);
        if (followers.Count == 0)
        {
            return;
        }

        var byId = (await notifications.ListAsync(new NotificationsForDeliveriesSpec(followers.Select(f => f.NotificationId).Distinct().ToList()), cancellationToken))
            .ToDictionary(n => n.Id);
        foreach (var follower in followers)
        {
            if (byId.TryGetValue(follower.NotificationId, out var notification))
            {
                var list = _byLeader.TryGetValue(follower.DigestLeaderId!.Value, out var existing) ? existing : _byLeader[follower.DigestLeaderId.Value] = [];
                list.Add((follower, notification));
            }
        }
    }

    /// <summary>
    /// Every notification the leader's message carries: the leader's own and its followers' that have not expired, oldest
    /// first; just the leader's when nothing joined it.
    /// </summary>
    public IReadOnlyList<Notification> Digest(Notification leader, NotificationDelivery leaderRow, DateTime now) =>
        [leader, .. Followers(leaderRow).Where(f => !f.Notification.IsExpired(now)).Select(f => f.Notification)];

    /// <summary>Records the leader's outcome on its followers (called before the leader's own row is updated).</summary>
    public void Record(NotificationDelivery leaderRow, DeliveryAttempt attempt, DateTime now)
    {
        foreach (var (row, notification) in Followers(leaderRow))
        {
            if (row.IsTerminal)
            {
                continue;
            }

            if (attempt.Outcome is DeliveryAttemptOutcome.Sent or DeliveryAttemptOutcome.PermanentFailure && notification.IsExpired(now))
            {
                row.Suppress(DeliveryReasons.Expired);
                continue;
            }

            switch (attempt.Outcome)
            {
                case DeliveryAttemptOutcome.Sent:
                    row.MarkSent(now, attempt.ExternalId);
                    notification.RecordDelivered(row.Channel, now);
                    break;
                case DeliveryAttemptOutcome.Dropped:
                    row.DeferDigest(now);
                    break;
                case DeliveryAttemptOutcome.TransientFailure when leaderRow.Attempts + 1 < NotificationDelivery.MaxAttempts:
                    row.DeferDigest(now + LeaderRetryGrace);
                    break;
                default:
                    row.RecordFailure(attempt.Detail ?? "the digest could not be sent", permanent: true, now, jitter: 0);
                    break;
            }
        }
    }

    private List<(NotificationDelivery Row, Notification Notification)> Followers(NotificationDelivery leaderRow) =>
        _byLeader.TryGetValue(leaderRow.Id, out var list) ? list : [];
}
