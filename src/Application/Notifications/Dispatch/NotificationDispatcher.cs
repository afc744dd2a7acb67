using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;
using RiskPlatform.Application.Notifications.EventHandlers;
using RiskPlatform.Application.Notifications.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;
using RiskPlatform.Domain.Notifications.Delivery;
using RiskPlatform.Domain.Notifications.Push;
using RiskPlatform.Domain.Notifications.Webhooks;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Notifications.Dispatch;

/// <summary>
/// The one create path for notifications, used by every producer (event handlers, the test endpoint, jobs). It adds the
/// in-app notification and one <see cref="NotificationDelivery"/> row per channel with work to do, as
/// <see cref="DeliveryPolicy"/> plans them from the user's preferences — in the caller's save, so they commit together (a transactional outbox: the email
/// worker sends the pending and scheduled email rows). The real-time push, and the wake-up of the outbox workers of rows due
/// now, are queued to run after the commit. Never saves.
/// </summary>
public sealed class NotificationDispatcher(
    IRepository<Notification> notifications,
    IRepository<NotificationDelivery> deliveries,
    IReadRepository<NotificationPreference> preferences,
    IReadRepository<User> users,
    IReadRepository<WebhookEndpoint> webhookEndpoints,
    IReadRepository<PushSubscription> pushSubscriptions,
    IReadRepository<ContactPoint> contacts,
    IOptions<ContactOptions> contactOptions,
    IEmailAvailability emailAvailability,
    ISmsAvailability smsAvailability,
    DeliveryCapCheck capCheck,
    NotificationPushQueue pushQueue,
    IAfterCommitActions afterCommit,
    IDeliveryOutboxSignal outboxSignal,
    AccountActorCall actorCall,
    IRealtimePresence presence,
    TimeProvider timeProvider)
{
    private readonly Dictionary<Guid, Recipient> _recipients = [];

    public async Task<DispatchedNotification> CreateAsync(NewNotification draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var notification = Notification.Create(draft, now);

        var recipient = await RecipientAsync(draft.UserId, cancellationToken);
        var receiving = recipient.Endpoints.Where(e => e.Receives(draft.Type)).Select(e => e.Id).ToList();
        var emailAvailable = emailAvailability.IsConfigured;
        var requireVerified = contactOptions.Value.RequireVerification;

        var atCap = await capCheck.ChannelsAtCapAsync(draft.UserId, now, cancellationToken);

        var plan = DeliveryPolicy.Plan(
            notification,
            recipient.Preferences, // of every type: the policy applies only the notification's own
            new DispatchContext(
                now, emailAvailable, recipient.AccountEmail, smsAvailability.IsConfigured, receiving, atCap.Keys.ToHashSet(), recipient.Browsers,
                requireVerified, recipient.Verified, presence.IsKnownOffline(draft.UserId)));
        var rows = plan.CreateDeliveries(notification, now);

        notifications.Add(notification);
        foreach (var row in rows)
        {
            if (row.StatusReason == DeliveryReasons.Digest)
            {
                await JoinOpenDigestAsync(row, now, cancellationToken);
            }

            deliveries.Add(row);
        }

        foreach (var channel in rows.Where(r => r.StatusReason == DeliveryReasons.CapReached).Select(r => r.Channel).Distinct())
        {
            if (!await capCheck.AlreadyReportedAsync(draft.UserId, channel, atCap[channel], cancellationToken))
            {
                AddCapNotice(draft.UserId, channel, now);
            }
        }

        // Rows due now go out without waiting for their worker's next poll: it is woken once they are committed.
        foreach (var channel in rows.Where(r => r.Status == DeliveryStatus.Pending && r.NextAttemptAt <= now).Select(r => r.Channel).Distinct())
        {
            afterCommit.Enqueue(_ =>
            {
                outboxSignal.DeliveriesDue(channel);
                return Task.CompletedTask;
            });
        }

        // A pending websocket row is pushed, and the real-time adapter marks it once the push reached (or missed) the user; a
        // user known to be offline had it suppressed at once (no push, nothing to record afterwards).
        pushQueue.NotificationCreated(notification, pushNotification: plan.For(NotificationChannel.Websocket).Status == DeliveryStatus.Pending);
        return new DispatchedNotification(notification, rows);
    }

    /// <summary>
    /// What decides where the user's notifications go: their preferences (of every type), account address, active webhook
    /// endpoints, subscribed browsers and verified contact points. Read once per scope and user, so the notifications one command
    /// creates (an order's fill and its position change) share one read; on the user's account actor, from its memory
    /// (<see cref="AccountMemoryPart.NotificationRouting"/>, forgotten by every commit that changes those rows).
    /// </summary>
    private async Task<Recipient> RecipientAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (!_recipients.TryGetValue(userId, out var recipient))
        {
            recipient = await actorCall.RecallAsync(userId, AccountMemoryPart.NotificationRouting, token => LoadRecipientAsync(userId, token), cancellationToken);
            _recipients[userId] = recipient;
        }

        return recipient;
    }

    private async Task<Recipient> LoadRecipientAsync(Guid userId, CancellationToken cancellationToken)
    {
        var userPreferences = await preferences.ListAsync(new NotificationPreferencesOfUserSpec(userId), cancellationToken);
        var emailAvailable = emailAvailability.IsConfigured;
        var account = emailAvailable ? await users.FirstOrDefaultAsync(new UserEmailSpec(userId), cancellationToken) : null;
        var endpoints = await webhookEndpoints.ListAsync(new WebhookEndpointsOfUserSpec(userId, activeOnly: true), cancellationToken);
        var browsers = (await pushSubscriptions.ListAsync(new PushSubscriptionsOfUserSpec(userId), cancellationToken)).Select(s => s.Id).ToList();

        // Email and sms go only to addresses the user verified: their verified points, read once when either channel is on.
        var verified = contactOptions.Value.RequireVerification && (emailAvailable || smsAvailability.IsConfigured)
            ? (await contacts.ListAsync(new ContactPointsOfUserSpec(userId), cancellationToken)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal)
            : null;

        // The account address verified through the account's own link (docs/decisions/023) is a verified email point too.
        if (verified is not null && account is { IsVerified: true } && ContactPoint.Normalize(NotificationChannel.Email, account.Address) is { } address)
        {
            verified.Add(ContactPoint.KeyOf(NotificationChannel.Email, address));
        }

        return new Recipient(userPreferences, account?.Address, endpoints, browsers, verified);
    }

    /// <summary>
    /// A digest row joins the user's open digest on its channel and address that is due no later than the row's own interval
    /// would end (one message per interval); without one it opens a digest itself, due at the end of its interval.
    /// </summary>
    private async Task JoinOpenDigestAsync(NotificationDelivery row, DateTime now, CancellationToken cancellationToken)
    {
        var due = row.NextAttemptAt!.Value;
        var leader = await deliveries.FirstOrDefaultAsync(new OpenDigestLeaderSpec(row.UserId, row.Channel, row.Recipient, now, due), cancellationToken);
        if (leader?.NextAttemptAt is { } leaderDue)
        {
            row.JoinDigest(leader.Id, leaderDue + (due - now));
        }
    }

    /// <summary>The one in-app notice of a cap reached: in-app only (and pushed), so it can never be capped itself.</summary>
    private void AddCapNotice(Guid userId, NotificationChannel channel, DateTime now)
    {
        var name = WireEnum.Name(channel);
        var notice = Notification.Create(
            new NewNotification(
                userId,
                NotificationType.SystemAlert,
                NotificationPriority.Medium,
                $"Notification limit reached for {name}",
                $"You reached your limit of {name} notifications for now. Further ones are kept in your inbox only until the limit resets; urgent ones still go out.",
                NotificationText.Data(new { Channel = name })),
            now);
        notifications.Add(notice);
        deliveries.Add(NotificationDelivery.FromDecision(notice, new ChannelDecision(NotificationChannel.InApp, DeliveryStatus.Sent, DeliveryReasons.StoredInApp), now));
        notice.RecordDelivered(NotificationChannel.InApp, now);
        pushQueue.NotificationCreated(notice, pushNotification: true);
    }

    /// <summary>Untracked rows that may be shared by the calls on the account's actor: read them, never change them.</summary>
    private sealed record Recipient(
        IReadOnlyList<NotificationPreference> Preferences,
        string? AccountEmail,
        IReadOnlyList<WebhookEndpoint> Endpoints,
        IReadOnlyList<Guid> Browsers,
        IReadOnlySet<string>? Verified);
}
