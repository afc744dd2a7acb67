using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;
using RiskPlatform.Domain.Notifications.Events;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class NotificationDeliveryTests
{
    private static readonly DateTime Now = new(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    private static readonly Notification Notification = Notification.Create(
        new NewNotification(Guid.CreateVersion7(), NotificationType.RiskBreach, NotificationPriority.High, "Breach", "Daily loss limit reached"),
        Now);

    private static NotificationDelivery PendingEmail() =>
        NotificationDelivery.FromDecision(Notification, new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Pending, DeliveryReasons.Ready, Now, "a@example.com"), Now);

    [Fact]
    public void FromDecision_WhenPending_IsDueNowWithRecipient()
    {
        var delivery = PendingEmail();

        Assert.Equal(Notification.Id, delivery.NotificationId);
        Assert.Equal(Notification.UserId, delivery.UserId);
        Assert.Equal(NotificationChannel.Email, delivery.Channel);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal("a@example.com", delivery.Recipient);
        Assert.Equal(Now, delivery.NextAttemptAt);
        Assert.Equal(0, delivery.Attempts);
        Assert.True(delivery.IsDue(Now));
        Assert.False(delivery.IsTerminal);
    }

    [Fact]
    public void FromDecision_WhenScheduled_IsDueAtWindowEndOnly()
    {
        var end = Now.AddHours(7);
        var delivery = NotificationDelivery.FromDecision(
            Notification, new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Scheduled, DeliveryReasons.QuietHours, end, "a@example.com"), Now);

        Assert.Equal(DeliveryStatus.Scheduled, delivery.Status);
        Assert.Equal(DeliveryReasons.QuietHours, delivery.StatusReason);
        Assert.Equal(end, delivery.NextAttemptAt);
        Assert.False(delivery.IsDue(end.AddTicks(-1)));
        Assert.True(delivery.IsDue(end));
    }

    [Fact]
    public void FromDecision_WhenScheduledWithoutTime_Throws()
    {
        Assert.Throws<ArgumentException>(() => NotificationDelivery.FromDecision(
            Notification, new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Scheduled, DeliveryReasons.QuietHours), Now));
    }

    [Fact]
    public void FromDecision_WhenSentInApp_IsTerminalWithOneAttempt()
    {
        var delivery = NotificationDelivery.FromDecision(
            Notification, new ChannelDecision(NotificationChannel.InApp, DeliveryStatus.Sent, DeliveryReasons.StoredInApp), Now);

        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal(Now, delivery.SentAt);
        Assert.Equal(1, delivery.Attempts);
        Assert.Null(delivery.NextAttemptAt);
        Assert.True(delivery.IsTerminal);
        Assert.False(delivery.IsDue(Now));
    }

    [Theory]
    [InlineData(DeliveryStatus.Suppressed, DeliveryReasons.ChannelDisabled)]
    [InlineData(DeliveryStatus.Unsupported, DeliveryReasons.ChannelNotSupported)]
    public void FromDecision_WhenNotDelivered_IsTerminalAndNeverDue(DeliveryStatus status, string reason)
    {
        var delivery = NotificationDelivery.FromDecision(Notification, new ChannelDecision(NotificationChannel.Sms, status, reason), Now);

        Assert.Equal(status, delivery.Status);
        Assert.Equal(reason, delivery.StatusReason);
        Assert.True(delivery.IsTerminal);
        Assert.False(delivery.IsDue(DateTime.MaxValue));
    }

    [Fact]
    public void MarkSent_WhenPending_SetsSentAndRaisesSucceeded()
    {
        var delivery = PendingEmail();

        delivery.MarkSent(Now.AddSeconds(2));

        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal(Now.AddSeconds(2), delivery.SentAt);
        Assert.Equal(1, delivery.Attempts);
        Assert.Null(delivery.NextAttemptAt);
        var sent = Assert.IsType<NotificationDeliverySucceeded>(Assert.Single(delivery.DomainEvents));
        Assert.Equal(Notification.Id, sent.NotificationId);
        Assert.Equal(NotificationChannel.Email, sent.Channel);
    }

    [Fact]
    public void MarkSent_WhenAlreadySent_IsNoOp()
    {
        var delivery = PendingEmail();
        delivery.MarkSent(Now);

        delivery.MarkSent(Now.AddMinutes(1));

        Assert.Equal(Now, delivery.SentAt);
        Assert.Equal(1, delivery.Attempts);
        Assert.Single(delivery.DomainEvents);
    }

    [Fact]
    public void RecordFailure_WhenTransient_RetriesWithBackoff()
    {
        var delivery = PendingEmail();

        delivery.RecordFailure("421 try again later", permanent: false, Now, jitter: 0);

        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal("421 try again later", delivery.LastError);
        Assert.Equal(Now + RetryBackoff.Delay(1, 0), delivery.NextAttemptAt);
        Assert.False(delivery.IsDue(Now));
        Assert.Empty(delivery.DomainEvents);
    }

    [Fact]
    public void RecordFailure_WhenRetriesContinue_DelaysGrowAndStayCapped()
    {
        var delivery = PendingEmail();
        var at = Now;
        var delays = new List<TimeSpan>();

        for (var attempt = 1; attempt < NotificationDelivery.MaxAttempts; attempt++)
        {
            delivery.RecordFailure("timeout", permanent: false, at, jitter: 0.99);
            var next = delivery.NextAttemptAt!.Value;
            delays.Add(next - at);
            at = next;
        }

        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.True(delays[1] > delays[0]);
        Assert.True(delays[4] > delays[3]);
        Assert.All(delays, d => Assert.True(d <= TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void RecordFailure_WhenEighthAttemptFails_BecomesFailed()
    {
        var delivery = PendingEmail();

        for (var attempt = 1; attempt < NotificationDelivery.MaxAttempts; attempt++)
        {
            delivery.RecordFailure("timeout", permanent: false, Now, jitter: 0.5);
            Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        }

        delivery.RecordFailure("timeout again", permanent: false, Now, jitter: 0.5);

        Assert.Equal(8, delivery.Attempts);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(DeliveryReasons.AttemptsExhausted, delivery.StatusReason);
        Assert.Null(delivery.NextAttemptAt);
        var failed = Assert.IsType<NotificationDeliveryFailed>(Assert.Single(delivery.DomainEvents));
        Assert.Equal(8, failed.Attempts);
        Assert.Equal("timeout again", failed.LastError);
    }

    [Fact]
    public void RecordFailure_WhenPermanent_FailsAtOnce()
    {
        var delivery = PendingEmail();

        delivery.RecordFailure("550 mailbox unavailable", permanent: true, Now, jitter: 0.5);

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(DeliveryReasons.PermanentFailure, delivery.StatusReason);
        Assert.Equal(1, delivery.Attempts);
        Assert.Null(delivery.NextAttemptAt);
    }

    [Fact]
    public void RecordFailure_WhenErrorIsLong_TruncatesLastError()
    {
        var delivery = PendingEmail();

        delivery.RecordFailure(new string('x', 5000), permanent: false, Now, jitter: 0.5);

        Assert.Equal(NotificationDelivery.LastErrorMaxLength, delivery.LastError!.Length);
    }

    [Fact]
    public void RecordFailure_WhenCutWouldSplitSurrogatePair_KeepsTextValid()
    {
        var delivery = PendingEmail();
        var error = new string('x', NotificationDelivery.LastErrorMaxLength - 1) + "😀tail";

        delivery.RecordFailure(error, permanent: false, Now, jitter: 0.5);

        Assert.Equal(NotificationDelivery.LastErrorMaxLength - 1, delivery.LastError!.Length);
        Assert.False(char.IsHighSurrogate(delivery.LastError[^1]));
    }

    [Fact]
    public void RecordFailure_WhenScheduledDeliveryFails_GoesBackToPending()
    {
        var delivery = NotificationDelivery.FromDecision(
            Notification, new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Scheduled, DeliveryReasons.QuietHours, Now, "a@example.com"), Now);

        delivery.RecordFailure("timeout", permanent: false, Now, jitter: 0);

        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(DeliveryReasons.RetryScheduled, delivery.StatusReason);
    }

    [Fact]
    public void Operations_WhenTerminal_AreRefused()
    {
        var delivery = PendingEmail();
        delivery.RecordFailure("550", permanent: true, Now, jitter: 0);

        Assert.Equal(NotificationDelivery.Errors.AlreadyFinal, Assert.Throws<ConflictException>(() => delivery.MarkSent(Now)).Code);
        Assert.Throws<ConflictException>(() => delivery.RecordFailure("again", permanent: false, Now, jitter: 0));
        Assert.Throws<ConflictException>(() => delivery.Claim(Now, TimeSpan.FromMinutes(1)));
        Assert.Throws<ConflictException>(() => delivery.Suppress(DeliveryReasons.Expired));
    }

    [Fact]
    public void Claim_WhenDue_HidesRowUntilLeaseEnds()
    {
        var delivery = PendingEmail();

        delivery.Claim(Now, TimeSpan.FromMinutes(2));

        Assert.False(delivery.IsDue(Now.AddMinutes(1)));
        Assert.True(delivery.IsDue(Now.AddMinutes(2)));
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
    }

    [Fact]
    public void Suppress_WhenOpen_BecomesTerminalWithReason()
    {
        var delivery = PendingEmail();

        delivery.Suppress(DeliveryReasons.Expired);

        Assert.Equal(DeliveryStatus.Suppressed, delivery.Status);
        Assert.Equal(DeliveryReasons.Expired, delivery.StatusReason);
        Assert.Null(delivery.NextAttemptAt);
    }

    [Fact]
    public void MarkSent_WithTheProvidersMessageId_KeepsIt()
    {
        var delivery = PendingEmail();

        delivery.MarkSent(Now, externalId: " SM0123456789abcdef0123456789abcdef ");

        Assert.Equal("SM0123456789abcdef0123456789abcdef", delivery.ExternalId);
    }

    [Fact]
    public void ConfirmDelivered_WhenSent_MarksItConfirmedAndIgnoresOpenRows()
    {
        var sent = PendingEmail();
        sent.MarkSent(Now);
        var open = PendingEmail();

        sent.ConfirmDelivered();
        open.ConfirmDelivered();

        Assert.Equal((DeliveryStatus.Sent, DeliveryReasons.DeliveryConfirmed), (sent.Status, sent.StatusReason));
        Assert.Equal((DeliveryStatus.Pending, DeliveryReasons.Ready), (open.Status, open.StatusReason));
    }

    [Fact]
    public void RecordUndelivered_WhenSent_FailsTheRowOnceAndRaisesFailed()
    {
        var delivery = PendingEmail();
        delivery.MarkSent(Now);

        delivery.RecordUndelivered("carrier error 30003", Now.AddSeconds(5));
        delivery.RecordUndelivered("again", Now.AddSeconds(6));
        delivery.ConfirmDelivered(); // a late, out-of-order callback never revives the row

        Assert.Equal((DeliveryStatus.Failed, DeliveryReasons.Undelivered, "carrier error 30003"), (delivery.Status, delivery.StatusReason, delivery.LastError));
        Assert.Single(delivery.DomainEvents.OfType<NotificationDeliveryFailed>());
    }

    [Fact]
    public void RecordUndelivered_WhenNotSentYet_IsRefused()
    {
        var ex = Assert.Throws<ConflictException>(() => PendingEmail().RecordUndelivered("undelivered", Now));

        Assert.Equal(NotificationDelivery.Errors.NotSent, ex.Code);
    }
}
