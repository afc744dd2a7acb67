using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Application.Common.Email;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Application.Notifications.Templates;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Domain.Notifications.Delivery;
using RiskPlatform.Domain.Notifications.Events;
using RiskPlatform.Infrastructure.Brokers.Alpaca;
using RiskPlatform.Infrastructure.Email;
using RiskPlatform.Infrastructure.Notifications;
using RiskPlatform.Infrastructure.Telemetry;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Infrastructure.IntegrationTests.Notifications;

/// <summary>
/// The outbox worker against a real SMTP server (aiosmtpd), with the delivery rows in an in-memory repository
/// (the database path is covered by the functional tests once the EF mapping is merged).
/// </summary>
public sealed class EmailOutboxWorkerTests : IAsyncDisposable
{
    private static readonly DateTime Start = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Start));
    private readonly InMemoryRepository<NotificationDelivery> _deliveries = new();
    private readonly InMemoryRepository<Notification> _notifications = new();
    private ServiceProvider? _services;
    private SmtpTestServer? _smtp;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task RunOnce_WhenAnEmailIsDue_SendsItExactlyOnceAndMarksItSent()
    {
        var worker = await StartAsync(SmtpTestHandler.Mailbox);
        var (notification, delivery) = Pending("trader@example.com");

        Assert.Equal(1, await worker.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await worker.RunOnceAsync(TestContext.Current.CancellationToken));

        var message = Assert.Single(await _smtp!.WaitForMessagesAsync(1));
        var rendered = NotificationTemplates.Render(notification);
        Assert.Equal("trader@example.com", message.Headers["X-RcptTo"]);
        Assert.Equal(rendered.Subject, message.Subject);
        Assert.Equal(rendered.Html.ReplaceLineEndings("\n"), message.HtmlBody!.ReplaceLineEndings("\n"));
        Assert.Equal($"{delivery.Id:D}@riskplatform", message.MessageId);
        Assert.Equal((DeliveryStatus.Sent, DeliveryReasons.Delivered, 1, (DateTime?)Now), (delivery.Status, delivery.StatusReason, delivery.Attempts, delivery.SentAt));
        Assert.Equal([NotificationChannel.Email], notification.SentVia);
        Assert.Equal(Now, notification.DeliveredAt);
        Assert.Single(Events<NotificationDeliverySucceeded>());
    }

    [Fact]
    public async Task RunOnce_WhenTheSmtpServerIsDown_KeepsEveryRowAndSendsEachOnceWhenItIsBack()
    {
        var worker = await StartAsync(SmtpTestHandler.Mailbox);
        await _smtp!.StopAsync();
        var rows = Enumerable.Range(0, 3).Select(i => Pending($"trader{i}@example.com").Delivery).ToList();

        Assert.Equal(3, await worker.RunOnceAsync(TestContext.Current.CancellationToken));

        Assert.All(rows, row =>
        {
            Assert.Equal((DeliveryStatus.Pending, DeliveryReasons.RetryScheduled, 1), (row.Status, row.StatusReason, row.Attempts));
            Assert.InRange(row.NextAttemptAt!.Value, Now + TimeSpan.FromSeconds(15), Now + TimeSpan.FromSeconds(30));
            Assert.False(string.IsNullOrWhiteSpace(row.LastError));
        });
        Assert.Equal(0, await worker.RunOnceAsync(TestContext.Current.CancellationToken));

        await _smtp.StartAgainAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(3, await worker.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await worker.RunOnceAsync(TestContext.Current.CancellationToken));

        var messages = await _smtp.WaitForMessagesAsync(3);
        Assert.Equal(rows.Select(r => $"{r.Id:D}@riskplatform").Order(), messages.Select(m => m.MessageId).Order());
        Assert.All(rows, row => Assert.Equal((DeliveryStatus.Sent, 2), (row.Status, row.Attempts)));
    }

    [Fact]
    public async Task RunOnce_WhenTheServerRejectsWith5xx_FailsTheRowAtOnce()
    {
        var worker = await StartAsync(SmtpTestHandler.PermanentReject);
        var (notification, delivery) = Pending("nobody@example.com");

        await worker.RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal((DeliveryStatus.Failed, DeliveryReasons.PermanentFailure, 1, (DateTime?)null), (delivery.Status, delivery.StatusReason, delivery.Attempts, delivery.NextAttemptAt));
        Assert.Contains("550", delivery.LastError, StringComparison.Ordinal);
        Assert.Empty(notification.SentVia);
        Assert.Single(Events<NotificationDeliveryFailed>());
    }

    [Fact]
    public async Task RunOnce_WhenTheServerDefersWith4xx_RetriesUntilTheAttemptsAreExhausted()
    {
        var worker = await StartAsync(SmtpTestHandler.TransientReject);
        var (_, delivery) = Pending("busy@example.com");

        for (var attempt = 1; attempt <= NotificationDelivery.MaxAttempts; attempt++)
        {
            Assert.Equal(1, await worker.RunOnceAsync(TestContext.Current.CancellationToken));
            Assert.Equal(attempt, delivery.Attempts);
            _time.Advance(RetryBackoff.MaxDelay);
        }

        Assert.Equal((DeliveryStatus.Failed, DeliveryReasons.AttemptsExhausted), (delivery.Status, delivery.StatusReason));
        Assert.Contains("451", delivery.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await worker.RunOnceAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunOnce_WhenTheSenderThrowsUnexpectedly_RecordsTheAttemptAndGivesUpAfterTheLimit()
    {
        var worker = await StartAsync(SmtpTestHandler.Mailbox, sender: new ThrowingEmailSender());
        var (_, delivery) = Pending("boom@example.com");

        Assert.Equal(1, await worker.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal((DeliveryStatus.Pending, DeliveryReasons.RetryScheduled, 1), (delivery.Status, delivery.StatusReason, delivery.Attempts));
        Assert.Equal("InvalidOperationException: unexpected", delivery.LastError);
        Assert.NotNull(delivery.NextAttemptAt);

        for (var attempt = 2; attempt <= NotificationDelivery.MaxAttempts; attempt++)
        {
            _time.Advance(RetryBackoff.MaxDelay);
            Assert.Equal(1, await worker.RunOnceAsync(TestContext.Current.CancellationToken));
            Assert.Equal(attempt, delivery.Attempts);
        }

        Assert.Equal((DeliveryStatus.Failed, DeliveryReasons.AttemptsExhausted), (delivery.Status, delivery.StatusReason));
    }

    [Fact]
    public async Task RunOnce_WhenScheduledForLater_WaitsUntilItIsDue()
    {
        var worker = await StartAsync(SmtpTestHandler.Mailbox);
        var notification = Notification.Create(Draft(), Now);
        var delivery = NotificationDelivery.FromDecision(
            notification,
            new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Scheduled, DeliveryReasons.QuietHours, Now.AddHours(2), "night@example.com"),
            Now);
        _notifications.Add(notification);
        _deliveries.Add(delivery);

        Assert.Equal(0, await worker.RunOnceAsync(TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await worker.RunOnceAsync(TestContext.Current.CancellationToken));

        Assert.Single(await _smtp!.WaitForMessagesAsync(1));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
    }

    [Fact]
    public async Task RunOnce_WhenTheNotificationExpiredBeforeItWasDue_SuppressesWithoutSending()
    {
        var worker = await StartAsync(SmtpTestHandler.Mailbox);
        var notification = Notification.Create(Draft() with { ExpiresAt = Now.AddMinutes(30) }, Now);
        var delivery = NotificationDelivery.FromDecision(
            notification,
            new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Scheduled, DeliveryReasons.QuietHours, Now.AddHours(1), "late@example.com"),
            Now);
        _notifications.Add(notification);
        _deliveries.Add(delivery);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await worker.RunOnceAsync(TestContext.Current.CancellationToken));

        Assert.Equal((DeliveryStatus.Suppressed, DeliveryReasons.Expired, 0), (delivery.Status, delivery.StatusReason, delivery.Attempts));
        Assert.Empty(_smtp!.Messages());
    }

    [Fact]
    public async Task RunOnce_WhenTheNotificationIsGone_SuppressesWithoutSending()
    {
        var worker = await StartAsync(SmtpTestHandler.Mailbox);
        var (notification, delivery) = Pending("gone@example.com");
        _notifications.Remove(notification);

        await worker.RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal((DeliveryStatus.Suppressed, DeliveryProcessor.NotificationDeleted), (delivery.Status, delivery.StatusReason));
        Assert.Empty(_smtp!.Messages());
    }

    [Fact]
    public async Task RunOnce_OnlyTakesEmailRowsAndAtMostABatch()
    {
        var worker = await StartAsync(SmtpTestHandler.Mailbox, batchSize: 2);
        var notification = Notification.Create(Draft(), Now);
        _notifications.Add(notification);
        var websocket = NotificationDelivery.FromDecision(notification, new ChannelDecision(NotificationChannel.Websocket, DeliveryStatus.Pending, DeliveryReasons.Ready), Now);
        _deliveries.Add(websocket);
        var emails = Enumerable.Range(0, 3).Select(i => Pending($"batch{i}@example.com").Delivery).ToList();

        Assert.Equal(2, await worker.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await worker.RunOnceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(3, (await _smtp!.WaitForMessagesAsync(3)).Count);
        Assert.All(emails, e => Assert.Equal(DeliveryStatus.Sent, e.Status));
        Assert.Equal(DeliveryStatus.Pending, websocket.Status);
    }

    [Fact]
    public async Task RunOnce_SendsABatchConcurrently_NeverMoreThanMaxParallelismAtOnce_AndSavesItsOutcomesOnce()
    {
        var sender = new SlowEmailSender(TimeSpan.FromMilliseconds(100));
        var worker = await StartAsync(SmtpTestHandler.Mailbox, batchSize: 12, sender: sender, maxParallelism: 4);
        var rows = Enumerable.Range(0, 12).Select(i => Pending($"parallel{i}@example.com").Delivery).ToList();

        Assert.Equal(12, await worker.RunOnceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(4, sender.MostAtOnce);
        Assert.Equal(rows.Select(r => $"{r.Id:D}@riskplatform").Order(), sender.MessageIds.Order());
        Assert.All(rows, r => Assert.Equal((DeliveryStatus.Sent, 1), (r.Status, r.Attempts)));
        Assert.Equal(2, _services!.GetRequiredService<InMemoryUnitOfWork>().Saves); // one for the claim, one for the twelve outcomes
        Assert.Equal(0, await worker.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(12, sender.MessageIds.Count);
    }

    [Fact]
    public async Task RunOnce_WhenStoppingMidBatch_RecordsTheStartedSendAndStartsNoOther()
    {
        using var stopping = new CancellationTokenSource();
        var sender = new SlowEmailSender(TimeSpan.Zero, onSend: stopping.Cancel);
        var worker = await StartAsync(SmtpTestHandler.Mailbox, batchSize: 3, sender: sender, maxParallelism: 1);
        var rows = Enumerable.Range(0, 3).Select(i => Pending($"stop{i}@example.com").Delivery).ToList();

        Assert.Equal(3, await worker.RunOnceAsync(stopping.Token));

        var sent = Assert.Single(rows, r => r.Status == DeliveryStatus.Sent);
        Assert.Equal([$"{sent.Id:D}@riskplatform"], sender.MessageIds);
        // The others stay claimed, untried: due again when their lease ends, not before.
        Assert.All(rows.Where(r => r != sent), r => Assert.Equal((DeliveryStatus.Pending, 0, (DateTime?)Now.AddMinutes(5)), (r.Status, r.Attempts, r.NextAttemptAt)));
    }

    [Fact]
    public async Task RunOnce_WhenARowWaitedPastHalfItsLeaseBehindSlowSends_LeavesItClaimedUnsent()
    {
        // Each send takes three minutes of the five-minute lease: the second row would start with two minutes left.
        var sender = new SlowEmailSender(TimeSpan.Zero, onSend: () => _time.Advance(TimeSpan.FromMinutes(3)));
        var worker = await StartAsync(SmtpTestHandler.Mailbox, batchSize: 3, sender: sender, maxParallelism: 1);
        var rows = Enumerable.Range(0, 3).Select(i => Pending($"late{i}@example.com").Delivery).ToList();

        Assert.Equal(3, await worker.RunOnceAsync(TestContext.Current.CancellationToken));

        var sent = Assert.Single(rows, r => r.Status == DeliveryStatus.Sent);
        Assert.Equal([$"{sent.Id:D}@riskplatform"], sender.MessageIds);
        Assert.All(rows.Where(r => r != sent), r => Assert.Equal((DeliveryStatus.Pending, 0, (DateTime?)Start.AddMinutes(5)), (r.Status, r.Attempts, r.NextAttemptAt)));
    }

    [Fact]
    public async Task ExecuteAsync_PollsAndSendsRowsThatBecomeDueLater()
    {
        var worker = await StartAsync(SmtpTestHandler.Mailbox, realTime: true);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var (_, first) = Pending("first@example.com", TimeProvider.System.GetUtcNow().UtcDateTime);
            await _smtp!.WaitForMessagesAsync(1);
            var (_, second) = Pending("second@example.com", TimeProvider.System.GetUtcNow().UtcDateTime);
            var messages = await _smtp.WaitForMessagesAsync(2);

            Assert.Equal(2, messages.Count);
            await Eventually.ReturnsAsync(() => Task.FromResult(second.Status), s => s == DeliveryStatus.Sent, because: "the second row recorded as sent");
            Assert.Equal(DeliveryStatus.Sent, first.Status);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ExecuteAsync_WhenARowIsSignalledDue_SendsItWithoutWaitingForThePollInterval()
    {
        var worker = await StartAsync(SmtpTestHandler.Mailbox, realTime: true, pollInterval: TimeSpan.FromHours(1));
        var (_, first) = Pending("polled@example.com", TimeProvider.System.GetUtcNow().UtcDateTime);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            // The first poll sends the first row; the worker then waits for an hour, unless a new row is signalled.
            var polled = await _smtp!.WaitForMessagesAsync(1);
            Assert.Equal(["polled@example.com"], polled.Select(m => m.Headers["X-RcptTo"]));
            await Eventually.ReturnsAsync(() => Task.FromResult(first.Status), s => s == DeliveryStatus.Sent, because: "the polled row recorded as sent");
            var (_, second) = Pending("signalled@example.com", TimeProvider.System.GetUtcNow().UtcDateTime);
            _services!.GetRequiredService<IDeliveryOutboxSignal>().DeliveriesDue(NotificationChannel.Email);

            var messages = await _smtp.WaitForMessagesAsync(2);

            // The Maildir lists its files in no particular order: which came first is asserted above.
            Assert.Equal(["polled@example.com", "signalled@example.com"], messages.Select(m => m.Headers["X-RcptTo"]).Order(StringComparer.Ordinal));
            await Eventually.ReturnsAsync(() => Task.FromResult(second.Status), s => s == DeliveryStatus.Sent, because: "the signalled row recorded as sent");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ExecuteAsync_WhileABatchWaitsForASlowSend_ClaimsAndSendsTheRowsDueAfterIt()
    {
        using var release = new SemaphoreSlim(0);
        var sender = new SlowEmailSender(TimeSpan.Zero, hold: m => m.To == "stuck@example.com" ? release.WaitAsync(TestContext.Current.CancellationToken) : Task.CompletedTask);
        var worker = await StartAsync(SmtpTestHandler.Mailbox, realTime: true, sender: sender);
        var (_, stuck) = Pending("stuck@example.com", TimeProvider.System.GetUtcNow().UtcDateTime);
        await worker.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await Eventually.ReturnsAsync(() => Task.FromResult(sender.MessageIds.Count), n => n == 1, because: "the stuck row's send started");
            var (_, next) = Pending("next@example.com", TimeProvider.System.GetUtcNow().UtcDateTime);

            // Sent and recorded while the batch before it is still waiting for its send.
            await Eventually.ReturnsAsync(() => Task.FromResult(next.Status), s => s == DeliveryStatus.Sent, because: "the next row sent beside the stuck batch");
            Assert.Equal(DeliveryStatus.Pending, stuck.Status);

            release.Release();
            await Eventually.ReturnsAsync(() => Task.FromResult(stuck.Status), s => s == DeliveryStatus.Sent, because: "the stuck row sent once released");
            Assert.Equal([$"{stuck.Id:D}@riskplatform", $"{next.Id:D}@riskplatform"], sender.MessageIds);
        }
        finally
        {
            release.Release();
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ExecuteAsync_WithoutSmtpHost_DoesNothing()
    {
        var worker = await StartAsync(SmtpTestHandler.Mailbox, configured: false, realTime: true);
        Pending("unsent@example.com", TimeProvider.System.GetUtcNow().UtcDateTime);

        await worker.StartAsync(TestContext.Current.CancellationToken);
        await worker.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(worker.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(DeliveryStatus.Pending, Assert.Single(_deliveries.Items).Status);
        Assert.Empty(_smtp!.Messages());
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    private async Task<DeliveryOutboxWorker> StartAsync(
        SmtpTestHandler handler, int batchSize = 10, bool configured = true, bool realTime = false, IEmailSender? sender = null, int maxParallelism = 16,
        TimeSpan? pollInterval = null)
    {
        if (SmtpTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        _smtp = await SmtpTestServer.StartAsync(handler);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(realTime ? TimeProvider.System : _time);
        services.AddSingleton(Options.Create(new SmtpOptions
        {
            Host = configured ? _smtp.Host : null,
            Port = _smtp.Port,
            Security = SmtpSecurity.None,
            From = "RiskPlatform <alerts@riskplatform.test>",
            Timeout = TimeSpan.FromSeconds(10),
        }));
        services.AddSingleton(Options.Create(new NotificationOutboxOptions
        {
            BatchSize = batchSize,
            PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(50),
            Lease = TimeSpan.FromMinutes(5),
            MaxParallelism = maxParallelism,
        }));
        if (sender is null)
        {
            services.AddSingleton<IEmailSender, MailKitEmailSender>();
        }
        else
        {
            services.AddSingleton(sender);
        }
        services.AddSingleton(_deliveries);
        services.AddSingleton(_notifications);
        services.AddSingleton<IRepository<NotificationDelivery>>(_deliveries);
        services.AddSingleton<IReadRepository<NotificationDelivery>>(_deliveries);
        services.AddSingleton<IRepository<Notification>>(_notifications);
        services.AddSingleton<InMemoryUnitOfWork>();
        services.AddSingleton<IUnitOfWork>(sp => sp.GetRequiredService<InMemoryUnitOfWork>());
        services.AddScoped<AfterCommitActions>();
        services.AddScoped<IDeliveryClaimer, RepositoryDeliveryClaimer>();
        services.AddTransient<DigestFollowers>();
        services.AddScoped<IDeliveryChannelSender, EmailChannelSender>();
        services.AddScoped<DeliveryProcessor>();
        services.AddSingleton<DeliveryOutboxSignal>();
        services.AddSingleton<IDeliveryOutboxSignal>(sp => sp.GetRequiredService<DeliveryOutboxSignal>());

        // The processor counts its outcomes on the service's meter: the service's own registration, nothing exported (its
        // gauges read the Alpaca circuit breakers too).
        services.AddRiskMetrics();
        services.AddSingleton(Options.Create(new AlpacaOptions()));
        services.AddSingleton<AlpacaCircuitBreakers>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DeliveryOutboxWorker>(
            sp, new OutboxChannel(NotificationChannel.Email, sp.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured, "Smtp:Host is not set")));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return _services.GetRequiredService<DeliveryOutboxWorker>();
    }

    private (Notification Notification, NotificationDelivery Delivery) Pending(string recipient, DateTime? now = null)
    {
        var at = now ?? Now;
        var notification = Notification.Create(Draft(), at);
        var delivery = NotificationDelivery.FromDecision(
            notification,
            new ChannelDecision(NotificationChannel.Email, DeliveryStatus.Pending, DeliveryReasons.Ready, Recipient: recipient),
            at);
        _notifications.Add(notification);
        _deliveries.Add(delivery);
        return (notification, delivery);
    }

    private static NewNotification Draft() => new(
        Guid.CreateVersion7(),
        NotificationType.RiskBreach,
        NotificationPriority.Urgent,
        "Daily loss limit reached",
        "Your daily loss reached 5.2 %.",
        """{"rule_type":"max_daily_loss","current_value":5.2}""");

    private List<T> Events<T>() => _services!.GetRequiredService<InMemoryUnitOfWork>().Events.OfType<T>().ToList();

    /// <summary>A sender that fails in a way no sender is meant to: the processor must still record the attempt.</summary>
    private sealed class ThrowingEmailSender : IEmailSender
    {
        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("unexpected");
    }

    /// <summary>
    /// A sender that takes its time (and, with <paramref name="hold"/>, as long as a message's task takes) and counts how
    /// many sends overlapped; every message is "sent".
    /// </summary>
    private sealed class SlowEmailSender(TimeSpan delay, Action? onSend = null, Func<EmailMessage, Task>? hold = null) : IEmailSender
    {
        private readonly Lock _lock = new();
        private readonly List<string> _messageIds = [];
        private int _inFlight;

        public int MostAtOnce { get; private set; }

        public IReadOnlyList<string> MessageIds
        {
            get
            {
                lock (_lock)
                {
                    return [.. _messageIds];
                }
            }
        }

        public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _inFlight++;
                MostAtOnce = Math.Max(MostAtOnce, _inFlight);
                _messageIds.Add(message.MessageId);
            }

            onSend?.Invoke();
            await Task.Delay(delay, CancellationToken.None);
            if (hold is not null)
            {
                await hold(message);
            }

            lock (_lock)
            {
                _inFlight--;
            }

            return EmailSendResult.Sent;
        }
    }
}
