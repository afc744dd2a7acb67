using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Contacts;
using RiskPlatform.Domain.Notifications.Delivery;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class DeliveryPolicyTests
{
    private const string AccountEmail = "trader@example.com";

    // 23:00 UTC: inside a 22-7 window in UTC.
    private static readonly DateTime Night = new(2026, 1, 15, 23, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Noon = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid UserId = Guid.CreateVersion7();

    private static Notification NewNotification(
        NotificationPriority priority,
        NotificationType type = NotificationType.RiskBreach,
        DateTime? createdAt = null,
        DateTime? expiresAt = null) =>
        Notification.Create(new NewNotification(UserId, type, priority, "Title", "Message", ExpiresAt: expiresAt), createdAt ?? Noon);

    private static NotificationPreference Preference(
        NotificationChannel channel,
        bool enabled = true,
        NotificationPriority minPriority = NotificationPriority.Low,
        (int Start, int End)? quiet = null,
        string zone = "UTC",
        string? email = null,
        NotificationType type = NotificationType.RiskBreach,
        string? phone = null,
        int? digest = null) =>
        NotificationPreference.Create(UserId, type, channel, NotificationPreferenceSettings.Default with
        {
            DigestIntervalMinutes = digest,
            IsEnabled = enabled,
            MinPriority = minPriority,
            QuietHoursEnabled = quiet is not null,
            QuietStartHour = quiet?.Start,
            QuietEndHour = quiet?.End,
            TimeZone = zone,
            Email = email,
            Phone = phone,
        });

    private static DispatchPlan Plan(Notification notification, DateTime now, bool emailAvailable = true, string? accountEmail = AccountEmail, params NotificationPreference[] preferences) =>
        DeliveryPolicy.Plan(notification, preferences, new DispatchContext(now, emailAvailable, accountEmail));

    [Fact]
    public void Plan_WhenCalled_DecidesEveryChannelInOrder()
    {
        var plan = Plan(NewNotification(NotificationPriority.High), Noon);

        Assert.Equal(Enum.GetValues<NotificationChannel>(), plan.Decisions.Select(d => d.Channel));
    }

    [Fact]
    public void Plan_WhenNoPreferenceRowsAndHighPriority_UsesDefaults()
    {
        var plan = Plan(NewNotification(NotificationPriority.High), Noon);

        Assert.Equal(new ChannelDecision(NotificationChannel.InApp, DeliveryStatus.Sent, DeliveryReasons.StoredInApp), plan.For(NotificationChannel.InApp));
        Assert.Equal(new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Pending, DeliveryReasons.Ready, Noon, AccountEmail), plan.For(NotificationChannel.Email));
        Assert.Equal(new ChannelDecision(NotificationChannel.Websocket, DeliveryStatus.Pending, DeliveryReasons.Ready, Noon), plan.For(NotificationChannel.Websocket));
        Assert.Equal(new ChannelDecision(NotificationChannel.Sms, DeliveryStatus.Suppressed, DeliveryReasons.ChannelDisabled), plan.For(NotificationChannel.Sms));

        // Push is on by default too; it has work only once the user subscribes a browser.
        Assert.Equal(new ChannelDecision(NotificationChannel.Push, DeliveryStatus.Unsupported, DeliveryReasons.NoPushSubscription), plan.For(NotificationChannel.Push));

        // Webhook is on by default; it has work only once the user registers an endpoint.
        Assert.Equal(new ChannelDecision(NotificationChannel.Webhook, DeliveryStatus.Unsupported, DeliveryReasons.NoWebhookEndpoint), plan.For(NotificationChannel.Webhook));
    }

    [Theory]
    [InlineData(NotificationPriority.Low, DeliveryStatus.Suppressed)]
    [InlineData(NotificationPriority.Medium, DeliveryStatus.Suppressed)]
    [InlineData(NotificationPriority.High, DeliveryStatus.Pending)]
    [InlineData(NotificationPriority.Urgent, DeliveryStatus.Pending)]
    public void Plan_WhenNoEmailRow_EmailsHighAndUrgentOnly(NotificationPriority priority, DeliveryStatus expected)
    {
        var plan = Plan(NewNotification(priority), Noon);

        Assert.Equal(expected, plan.For(NotificationChannel.Email).Status);
        Assert.Equal(DeliveryStatus.Sent, plan.For(NotificationChannel.InApp).Status);
        Assert.Equal(DeliveryStatus.Pending, plan.For(NotificationChannel.Websocket).Status);
    }

    [Fact]
    public void Plan_ForAUserKnownToBeOffline_SuppressesTheWebsocketAsNotConnected_AndLeavesTheOtherChannels()
    {
        var known = DeliveryPolicy.Plan(
            NewNotification(NotificationPriority.High), [], new DispatchContext(Noon, EmailAvailable: true, AccountEmail, WebsocketKnownOffline: true));
        var unknown = Plan(NewNotification(NotificationPriority.High), Noon);

        Assert.Equal(new ChannelDecision(NotificationChannel.Websocket, DeliveryStatus.Suppressed, DeliveryReasons.NotConnected), known.For(NotificationChannel.Websocket));
        Assert.True(known.For(NotificationChannel.Websocket).HasWork);
        Assert.Equal(
            unknown.Decisions.Where(d => d.Channel != NotificationChannel.Websocket),
            known.Decisions.Where(d => d.Channel != NotificationChannel.Websocket));
    }

    [Fact]
    public void Plan_WhenDailySummaryWithoutRows_EmailsAtLowPriority()
    {
        var plan = Plan(NewNotification(NotificationPriority.Low, NotificationType.DailySummary), Noon);

        Assert.Equal(DeliveryStatus.Pending, plan.For(NotificationChannel.Email).Status);
    }

    [Theory]
    [InlineData(NotificationChannel.InApp)]
    [InlineData(NotificationChannel.Email)]
    [InlineData(NotificationChannel.Websocket)]
    public void Plan_WhenChannelDisabled_Suppressed(NotificationChannel channel)
    {
        var plan = Plan(NewNotification(NotificationPriority.High), Noon, preferences: Preference(channel, enabled: false));

        Assert.Equal(new ChannelDecision(channel, DeliveryStatus.Suppressed, DeliveryReasons.ChannelDisabled), plan.For(channel));
    }

    [Fact]
    public void Plan_WhenUrgentOnDisabledChannel_StillSuppressed()
    {
        var plan = Plan(NewNotification(NotificationPriority.Urgent), Noon, preferences: Preference(NotificationChannel.Email, enabled: false));

        Assert.Equal(DeliveryReasons.ChannelDisabled, plan.For(NotificationChannel.Email).Reason);
    }

    [Theory]
    [InlineData(NotificationPriority.Low, NotificationPriority.Medium, DeliveryStatus.Suppressed)]
    [InlineData(NotificationPriority.Medium, NotificationPriority.Medium, DeliveryStatus.Pending)]
    [InlineData(NotificationPriority.Medium, NotificationPriority.High, DeliveryStatus.Suppressed)]
    [InlineData(NotificationPriority.High, NotificationPriority.Urgent, DeliveryStatus.Suppressed)]
    [InlineData(NotificationPriority.Urgent, NotificationPriority.Urgent, DeliveryStatus.Pending)]
    public void Plan_WhenMinPrioritySet_FiltersLowerPriorities(NotificationPriority priority, NotificationPriority minPriority, DeliveryStatus expected)
    {
        var plan = Plan(NewNotification(priority), Noon, preferences: Preference(NotificationChannel.Websocket, minPriority: minPriority));

        var decision = plan.For(NotificationChannel.Websocket);
        Assert.Equal(expected, decision.Status);
        if (expected == DeliveryStatus.Suppressed)
        {
            Assert.Equal(DeliveryReasons.BelowMinPriority, decision.Reason);
        }
    }

    [Fact]
    public void Plan_WhenInAppBelowMinPriority_SuppressedButRowStillPlanned()
    {
        var plan = Plan(NewNotification(NotificationPriority.Low), Noon, preferences: Preference(NotificationChannel.InApp, minPriority: NotificationPriority.High));

        Assert.Equal(DeliveryReasons.BelowMinPriority, plan.For(NotificationChannel.InApp).Reason);
    }

    [Fact]
    public void Plan_WhenUrgentAndMinPriorityUrgent_Delivers()
    {
        var plan = Plan(
            NewNotification(NotificationPriority.Urgent),
            Noon,
            preferences: [Preference(NotificationChannel.Email, minPriority: NotificationPriority.Urgent), Preference(NotificationChannel.Websocket, minPriority: NotificationPriority.Urgent)]);

        Assert.Equal(DeliveryStatus.Pending, plan.For(NotificationChannel.Email).Status);
        Assert.Equal(DeliveryStatus.Pending, plan.For(NotificationChannel.Websocket).Status);
    }

    [Fact]
    public void Plan_WhenInsideQuietHours_SchedulesEmailForWindowEndAndSkipsWebsocket()
    {
        var plan = Plan(
            NewNotification(NotificationPriority.High, createdAt: Night),
            Night,
            preferences: [Preference(NotificationChannel.Email, quiet: (22, 7)), Preference(NotificationChannel.Websocket, quiet: (22, 7)), Preference(NotificationChannel.InApp, quiet: (22, 7))]);

        Assert.Equal(
            new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Scheduled, DeliveryReasons.QuietHours, new DateTime(2026, 1, 16, 7, 0, 0, DateTimeKind.Utc), AccountEmail),
            plan.For(NotificationChannel.Email));
        Assert.Equal(new ChannelDecision(NotificationChannel.Websocket, DeliveryStatus.Suppressed, DeliveryReasons.QuietHours), plan.For(NotificationChannel.Websocket));
        // Quiet hours never hold back the stored in-app row.
        Assert.Equal(DeliveryStatus.Sent, plan.For(NotificationChannel.InApp).Status);
    }

    [Fact]
    public void Plan_WhenOutsideQuietHours_SendsNow()
    {
        var plan = Plan(NewNotification(NotificationPriority.High), Noon, preferences: Preference(NotificationChannel.Email, quiet: (22, 7)));

        Assert.Equal(DeliveryStatus.Pending, plan.For(NotificationChannel.Email).Status);
        Assert.Equal(Noon, plan.For(NotificationChannel.Email).NotBefore);
    }

    [Fact]
    public void Plan_WhenQuietHoursInUsersZoneAcrossSpringForward_SchedulesRealEndInstant()
    {
        // 2026-03-08 04:00Z is 23:00 EST on the 7th; the window ends at 07:00 EDT = 11:00Z.
        var now = new DateTime(2026, 3, 8, 4, 0, 0, DateTimeKind.Utc);

        var plan = Plan(NewNotification(NotificationPriority.Medium, createdAt: now), now, preferences: Preference(NotificationChannel.Email, quiet: (22, 7), zone: "America/New_York"));

        Assert.Equal(DeliveryStatus.Scheduled, plan.For(NotificationChannel.Email).Status);
        Assert.Equal(new DateTime(2026, 3, 8, 11, 0, 0, DateTimeKind.Utc), plan.For(NotificationChannel.Email).NotBefore);
    }

    [Fact]
    public void Plan_WhenQuietHoursStartEqualsEnd_NeverQuiet()
    {
        var plan = Plan(NewNotification(NotificationPriority.High, createdAt: Night), Night, preferences: Preference(NotificationChannel.Websocket, quiet: (22, 22)));

        Assert.Equal(DeliveryStatus.Pending, plan.For(NotificationChannel.Websocket).Status);
    }

    [Fact]
    public void Plan_WhenUrgentInsideQuietHours_BypassesQuietHours()
    {
        var plan = Plan(
            NewNotification(NotificationPriority.Urgent, createdAt: Night),
            Night,
            preferences: [Preference(NotificationChannel.Email, quiet: (22, 7)), Preference(NotificationChannel.Websocket, quiet: (22, 7))]);

        Assert.Equal(new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Pending, DeliveryReasons.Ready, Night, AccountEmail), plan.For(NotificationChannel.Email));
        Assert.Equal(DeliveryStatus.Pending, plan.For(NotificationChannel.Websocket).Status);
    }

    [Theory]
    [InlineData(NotificationChannel.Push, DeliveryReasons.NoPushSubscription)]
    [InlineData(NotificationChannel.Sms, DeliveryReasons.SmsNotConfigured)]
    [InlineData(NotificationChannel.Webhook, DeliveryReasons.NoWebhookEndpoint)]
    public void Plan_WhenChannelEnabledButUnbuiltOrUnconfigured_Unsupported(NotificationChannel channel, string reason)
    {
        var plan = Plan(NewNotification(NotificationPriority.Urgent), Noon, preferences: Preference(channel));

        Assert.Equal(new ChannelDecision(channel, DeliveryStatus.Unsupported, reason), plan.For(channel));
        Assert.False(plan.For(channel).HasWork);
    }

    [Fact]
    public void Plan_WhenVerificationIsRequired_EmailAndSmsGoOnlyToVerifiedAddresses()
    {
        NotificationPreference[] preferences = [Preference(NotificationChannel.Sms, phone: "+1 (212) 555-0100")];
        var unverified = new DispatchContext(Noon, EmailAvailable: true, AccountEmail, SmsAvailable: true, RequireVerifiedContacts: true, VerifiedContacts: new HashSet<string>());
        var verified = unverified with
        {
            VerifiedContacts = new HashSet<string>
            {
                ContactPoint.KeyOf(NotificationChannel.Email, AccountEmail.ToLowerInvariant()),
                ContactPoint.KeyOf(NotificationChannel.Sms, "+12125550100"),
            },
        };

        var refused = DeliveryPolicy.Plan(NewNotification(NotificationPriority.Urgent), preferences, unverified);
        var allowed = DeliveryPolicy.Plan(NewNotification(NotificationPriority.Urgent), preferences, verified);

        Assert.Equal(new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Suppressed, DeliveryReasons.UnverifiedContact, Recipient: AccountEmail), refused.For(NotificationChannel.Email));
        Assert.Equal(new ChannelDecision(NotificationChannel.Sms, DeliveryStatus.Suppressed, DeliveryReasons.UnverifiedContact, Recipient: "+12125550100"), refused.For(NotificationChannel.Sms));
        Assert.True(refused.For(NotificationChannel.Email).HasWork);
        Assert.Equal(DeliveryStatus.Pending, allowed.For(NotificationChannel.Email).Status);
        Assert.Equal(DeliveryStatus.Pending, allowed.For(NotificationChannel.Sms).Status);
    }

    [Theory]
    [InlineData(NotificationPriority.Low)]
    [InlineData(NotificationPriority.Medium)]
    [InlineData(NotificationPriority.High)]
    public void Plan_WithADigestInterval_HoldsNonUrgentEmailAndSmsForTheEndOfTheInterval(NotificationPriority priority)
    {
        NotificationPreference[] preferences =
        [
            Preference(NotificationChannel.Email, digest: 30),
            Preference(NotificationChannel.Sms, phone: "+12125550100", digest: 5),
        ];

        var plan = DeliveryPolicy.Plan(NewNotification(priority), preferences, new DispatchContext(Noon, EmailAvailable: true, AccountEmail, SmsAvailable: true));

        Assert.Equal(new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Scheduled, DeliveryReasons.Digest, Noon.AddMinutes(30), AccountEmail), plan.For(NotificationChannel.Email));
        Assert.Equal(new ChannelDecision(NotificationChannel.Sms, DeliveryStatus.Scheduled, DeliveryReasons.Digest, Noon.AddMinutes(5), "+12125550100"), plan.For(NotificationChannel.Sms));
        Assert.Equal(DeliveryStatus.Pending, plan.For(NotificationChannel.Websocket).Status);
    }

    [Fact]
    public void Plan_WithADigestInterval_SendsUrgentAndSoonExpiringNotificationsAtOnce()
    {
        NotificationPreference[] preferences = [Preference(NotificationChannel.Email, digest: 30)];
        var context = new DispatchContext(Noon, EmailAvailable: true, AccountEmail);

        var urgent = DeliveryPolicy.Plan(NewNotification(NotificationPriority.Urgent), preferences, context).For(NotificationChannel.Email);
        var expiring = DeliveryPolicy.Plan(NewNotification(NotificationPriority.Low, expiresAt: Noon.AddMinutes(10)), preferences, context).For(NotificationChannel.Email);

        Assert.Equal((DeliveryStatus.Pending, DeliveryReasons.Ready), (urgent.Status, urgent.Reason));
        Assert.Equal((DeliveryStatus.Pending, DeliveryReasons.Ready), (expiring.Status, expiring.Reason));
    }

    [Fact]
    public void Plan_WithADigestIntervalInsideQuietHours_WaitsForTheQuietWindowInstead()
    {
        var plan = Plan(NewNotification(NotificationPriority.High, createdAt: Night), Night, preferences: Preference(NotificationChannel.Email, quiet: (22, 7), digest: 30));

        Assert.Equal((DeliveryStatus.Scheduled, DeliveryReasons.QuietHours), (plan.For(NotificationChannel.Email).Status, plan.For(NotificationChannel.Email).Reason));
    }

    [Fact]
    public void Plan_WhenBrowsersAreSubscribed_OnePushDecisionPerSubscription()
    {
        Guid[] browsers = [Guid.CreateVersion7(), Guid.CreateVersion7()];

        var plan = DeliveryPolicy.Plan(
            NewNotification(NotificationPriority.High), [], new DispatchContext(Noon, EmailAvailable: true, AccountEmail, PushSubscriptions: browsers));

        var push = plan.Decisions.Where(d => d.Channel == NotificationChannel.Push).ToList();
        Assert.Equal(browsers.Select(b => (Guid?)b), push.Select(d => d.PushSubscriptionId));
        Assert.All(push, d => Assert.Equal((DeliveryStatus.Pending, DeliveryReasons.Ready, (DateTime?)Noon), (d.Status, d.Reason, d.NotBefore)));
    }

    [Fact]
    public void Plan_WhenPushInsideQuietHours_ScheduledForTheEndOfTheWindow_UnlessUrgent()
    {
        Guid[] browsers = [Guid.CreateVersion7()];
        var context = new DispatchContext(Night, EmailAvailable: true, AccountEmail, PushSubscriptions: browsers);
        NotificationPreference[] quiet = [Preference(NotificationChannel.Push, quiet: (22, 7))];

        var high = DeliveryPolicy.Plan(NewNotification(NotificationPriority.High, createdAt: Night), quiet, context).For(NotificationChannel.Push);
        var urgent = DeliveryPolicy.Plan(NewNotification(NotificationPriority.Urgent, createdAt: Night), quiet, context).For(NotificationChannel.Push);

        Assert.Equal((DeliveryStatus.Scheduled, DeliveryReasons.QuietHours), (high.Status, high.Reason));
        Assert.True(high.NotBefore > Night);
        Assert.Equal((DeliveryStatus.Pending, DeliveryReasons.Ready), (urgent.Status, urgent.Reason));
    }

    [Fact]
    public void Plan_WhenSmsConfiguredAndPhoneSet_PendingToTheE164Number()
    {
        var plan = DeliveryPolicy.Plan(
            NewNotification(NotificationPriority.High),
            [Preference(NotificationChannel.Sms, phone: "+1 (212) 555-0100")],
            new DispatchContext(Noon, EmailAvailable: true, AccountEmail, SmsAvailable: true));

        Assert.Equal(new ChannelDecision(NotificationChannel.Sms, DeliveryStatus.Pending, DeliveryReasons.Ready, Noon, "+12125550100"), plan.For(NotificationChannel.Sms));
    }

    [Fact]
    public void Plan_WhenSmsConfiguredWithoutPhone_SuppressedNoRecipient()
    {
        var plan = DeliveryPolicy.Plan(
            NewNotification(NotificationPriority.High), [Preference(NotificationChannel.Sms)], new DispatchContext(Noon, true, AccountEmail, SmsAvailable: true));

        Assert.Equal(new ChannelDecision(NotificationChannel.Sms, DeliveryStatus.Suppressed, DeliveryReasons.NoRecipient), plan.For(NotificationChannel.Sms));
    }

    [Fact]
    public void Plan_WhenSmsInQuietHours_ScheduledForTheEndOfTheWindowLikeEmail()
    {
        var plan = DeliveryPolicy.Plan(
            NewNotification(NotificationPriority.High, createdAt: Night),
            [Preference(NotificationChannel.Sms, quiet: (22, 7), phone: "+442079460958")],
            new DispatchContext(Night, true, AccountEmail, SmsAvailable: true));

        var sms = plan.For(NotificationChannel.Sms);
        Assert.Equal((DeliveryStatus.Scheduled, DeliveryReasons.QuietHours), (sms.Status, sms.Reason));
        Assert.Equal(new DateTime(2026, 1, 16, 7, 0, 0, DateTimeKind.Utc), sms.NotBefore);
    }

    [Fact]
    public void Plan_WithWebhookEndpoints_OneDecisionPerEndpointAndQuietHoursDoNotApply()
    {
        Guid[] endpoints = [Guid.CreateVersion7(), Guid.CreateVersion7()];
        var plan = DeliveryPolicy.Plan(
            NewNotification(NotificationPriority.Low, createdAt: Night),
            [Preference(NotificationChannel.Webhook, quiet: (22, 7))],
            new DispatchContext(Night, true, AccountEmail, WebhookEndpoints: endpoints));

        var webhooks = plan.Decisions.Where(d => d.Channel == NotificationChannel.Webhook).ToList();
        Assert.Equal(endpoints, webhooks.Select(d => d.WebhookEndpointId!.Value));
        Assert.All(webhooks, d => Assert.Equal((DeliveryStatus.Pending, DeliveryReasons.Ready), (d.Status, d.Reason)));
    }

    [Fact]
    public void Plan_WhenWebhookChannelDisabledByAPreference_NoDecisionPerEndpoint()
    {
        var plan = DeliveryPolicy.Plan(
            NewNotification(NotificationPriority.High),
            [Preference(NotificationChannel.Webhook, enabled: false)],
            new DispatchContext(Noon, true, AccountEmail, WebhookEndpoints: [Guid.CreateVersion7()]));

        Assert.Equal(new ChannelDecision(NotificationChannel.Webhook, DeliveryStatus.Suppressed, DeliveryReasons.ChannelDisabled), Assert.Single(plan.Decisions, d => d.Channel == NotificationChannel.Webhook));
    }

    [Fact]
    public void Plan_WhenEmailUnavailable_Unsupported()
    {
        var plan = Plan(NewNotification(NotificationPriority.Urgent), Noon, emailAvailable: false);

        Assert.Equal(new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Unsupported, DeliveryReasons.EmailNotConfigured), plan.For(NotificationChannel.Email));
        Assert.Equal(DeliveryStatus.Pending, plan.For(NotificationChannel.Websocket).Status);
    }

    [Fact]
    public void Plan_WhenEmailUnavailableButDisabledByUser_ReportsUsersChoice()
    {
        var plan = Plan(NewNotification(NotificationPriority.High), Noon, emailAvailable: false, preferences: Preference(NotificationChannel.Email, enabled: false));

        Assert.Equal(DeliveryReasons.ChannelDisabled, plan.For(NotificationChannel.Email).Reason);
    }

    [Fact]
    public void Plan_WhenPreferenceHasEmailOverride_UsesIt()
    {
        var plan = Plan(NewNotification(NotificationPriority.High), Noon, preferences: Preference(NotificationChannel.Email, email: "desk@example.com"));

        Assert.Equal("desk@example.com", plan.For(NotificationChannel.Email).Recipient);
    }

    [Fact]
    public void Plan_WhenNoEmailAddressAnywhere_SuppressedNoRecipient()
    {
        var plan = Plan(NewNotification(NotificationPriority.High), Noon, accountEmail: " ");

        Assert.Equal(new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Suppressed, DeliveryReasons.NoRecipient), plan.For(NotificationChannel.Email));
    }

    [Fact]
    public void Plan_WhenNotificationAlreadyExpired_SuppressesOutgoingChannelsButKeepsInApp()
    {
        var notification = NewNotification(NotificationPriority.High, createdAt: Noon, expiresAt: Noon.AddMinutes(5));

        var plan = Plan(notification, Noon.AddMinutes(10));

        Assert.Equal(DeliveryStatus.Sent, plan.For(NotificationChannel.InApp).Status);
        Assert.Equal(DeliveryReasons.Expired, plan.For(NotificationChannel.Email).Reason);
        Assert.Equal(DeliveryReasons.Expired, plan.For(NotificationChannel.Websocket).Reason);
    }

    [Fact]
    public void Plan_WhenNotificationExpiresBeforeQuietHoursEnd_SuppressesEmail()
    {
        var notification = NewNotification(NotificationPriority.High, createdAt: Night, expiresAt: Night.AddHours(2));

        var plan = Plan(notification, Night, preferences: Preference(NotificationChannel.Email, quiet: (22, 7)));

        Assert.Equal(DeliveryStatus.Suppressed, plan.For(NotificationChannel.Email).Status);
        Assert.Equal(DeliveryReasons.Expired, plan.For(NotificationChannel.Email).Reason);
    }

    [Fact]
    public void Plan_WhenRowsForOtherTypes_IgnoresThem()
    {
        var plan = Plan(
            NewNotification(NotificationPriority.High),
            Noon,
            preferences: Preference(NotificationChannel.Email, enabled: false, type: NotificationType.DailySummary));

        Assert.Equal(DeliveryStatus.Pending, plan.For(NotificationChannel.Email).Status);
    }

    [Fact]
    public void Plan_WhenRowOfAnotherUser_Throws()
    {
        var other = NotificationPreference.Create(Guid.CreateVersion7(), NotificationType.RiskBreach, NotificationChannel.Email, NotificationPreferenceSettings.Default);

        Assert.Throws<ArgumentException>(() => Plan(NewNotification(NotificationPriority.High), Noon, preferences: other));
    }

    [Fact]
    public void Plan_WhenDuplicateRows_Throws()
    {
        Assert.Throws<ArgumentException>(() => Plan(
            NewNotification(NotificationPriority.High),
            Noon,
            preferences: [Preference(NotificationChannel.Email), Preference(NotificationChannel.Email)]));
    }

    [Fact]
    public void CreateDeliveries_WhenPlanned_MakesOneRowPerChannelWithWorkAndRecordsInApp()
    {
        var notification = NewNotification(NotificationPriority.High, createdAt: Night);
        var plan = Plan(notification, Night, preferences: Preference(NotificationChannel.Email, quiet: (22, 7)));

        var deliveries = plan.CreateDeliveries(notification, Night);

        // sms, push and webhook are off by default: no row for them.
        Assert.Equal([NotificationChannel.InApp, NotificationChannel.Email, NotificationChannel.Websocket], deliveries.Select(d => d.Channel));
        Assert.All(deliveries, d => Assert.Equal(notification.Id, d.NotificationId));
        Assert.Equal(DeliveryStatus.Sent, deliveries[0].Status);
        Assert.Equal(DeliveryStatus.Scheduled, deliveries[1].Status);
        Assert.Equal(new DateTime(2026, 1, 16, 7, 0, 0, DateTimeKind.Utc), deliveries[1].NextAttemptAt);
        Assert.Equal(AccountEmail, deliveries[1].Recipient);
        Assert.Equal([NotificationChannel.InApp], notification.SentVia);
        Assert.Equal(Night, notification.DeliveredAt);
    }

    [Fact]
    public void CreateDeliveries_WhenChannelsAreOffBelowPriorityOrUnsupported_WritesNoRowForThem()
    {
        var notification = NewNotification(NotificationPriority.Medium);
        var plan = Plan(
            notification,
            Noon,
            emailAvailable: false,
            preferences: [Preference(NotificationChannel.Websocket, minPriority: NotificationPriority.High), Preference(NotificationChannel.Push)]);

        var deliveries = plan.CreateDeliveries(notification, Noon);

        Assert.Equal(DeliveryReasons.BelowMinPriority, plan.For(NotificationChannel.Websocket).Reason);
        Assert.Equal(DeliveryStatus.Unsupported, plan.For(NotificationChannel.Push).Status);
        Assert.Equal([NotificationChannel.InApp], deliveries.Select(d => d.Channel));
    }

    [Fact]
    public void CreateDeliveries_WhenInAppSuppressed_DoesNotRecordDelivery()
    {
        var notification = NewNotification(NotificationPriority.High);
        var plan = Plan(notification, Noon, preferences: Preference(NotificationChannel.InApp, enabled: false));

        plan.CreateDeliveries(notification, Noon);

        Assert.Empty(notification.SentVia);
        Assert.Null(notification.DeliveredAt);
    }
}
