using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// End to end: notifications created over HTTP, delivery rows in the real database, the outbox worker running in the
/// host, and a real SMTP server (aiosmtpd). Each test starts its own host(s) configured for SMTP.
/// </summary>
public abstract class EmailDeliveryTests() : DedicatedHostTest("email")
{
    private const string Root = "/api/v1/notifications";
    [Fact]
    public async Task CreateNotification_WithSmtpConfigured_EmailArrivesExactlyOnceAndTheRowIsSent()
    {
        var smtp = await SmtpAsync(SmtpTestHandler.Mailbox);
        var host = await HostAsync(smtp);
        using var client = await SignedInAsync(host, "ann@example.com");

        var created = (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;
        var notificationId = created["notification"]!["id"]!.GetValue<Guid>();
        var email = created["deliveries"]!.AsArray().Single(d => d!["channel"]!.GetValue<string>() == "email")!;
        Assert.Equal("pending", email["status"]!.GetValue<string>());

        var message = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("ann@example.com", message.Headers["X-RcptTo"]);
        Assert.Equal($"{email["id"]!.GetValue<Guid>():D}@riskplatform", message.MessageId);
        Assert.Contains("Test notification", message.Subject, StringComparison.Ordinal);
        await WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Sent' AND attempts = 1", 1, "the email row recorded as sent");
        var notification = (await client.GetAsync($"{Root}/{notificationId}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Contains("email", notification["sent_via"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task CreateNotification_WithAnHourBetweenPolls_TheEmailGoesOutAtOnce()
    {
        var smtp = await SmtpAsync(SmtpTestHandler.Mailbox);
        var host = await HostAsync(smtp, new() { ["Notifications:Outbox:PollInterval"] = "01:00:00" });
        using var client = await SignedInAsync(host, "prompt@example.com");

        // Two in turn: the worker's first poll, at start, could find the first row; only the create path's wake-up can send
        // the second before the hour is up.
        for (var sent = 1; sent <= 2; sent++)
        {
            (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created);
            Assert.Equal(sent, (await smtp.WaitForMessagesAsync(sent)).Count);
        }

        await WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Sent' AND attempts = 1", 2, "both email rows recorded as sent");
    }

    [Fact]
    public async Task CreateNotifications_WhileTheSmtpServerIsDown_EachArrivesExactlyOnceWhenItIsBack()
    {
        var smtp = await SmtpAsync(SmtpTestHandler.Mailbox);
        var host = await HostAsync(smtp);
        using var client = await SignedInAsync(host, "outage@example.com");
        await smtp.StopAsync();

        var emailIds = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = (await client.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created).Body!;
            emailIds.Add(created["deliveries"]!.AsArray().Single(d => d!["channel"]!.GetValue<string>() == "email")!["id"]!.GetValue<Guid>());
        }

        await WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Pending' AND status_reason = 'retry_scheduled' AND attempts = 1",
            3,
            "every email row retried after the connection was refused");
        await smtp.StartAgainAsync();
        Hosts.Time.Shift(TimeSpan.FromSeconds(31)); // past the first backoff (15–30 s)

        var messages = await smtp.WaitForMessagesAsync(3);
        await WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Sent' AND attempts = 2", 3, "every email row sent on the second attempt");
        Assert.Equal(emailIds.Select(id => $"{id:D}@riskplatform").Order(), smtp.Messages().Select(m => m.MessageId).Order());
        Assert.Equal(3, messages.Count);
    }

    [Fact]
    public async Task CreateNotification_WhenTheServerRejectsWith5xx_TheRowFailsAtOnce()
    {
        var smtp = await SmtpAsync(SmtpTestHandler.PermanentReject);
        var host = await HostAsync(smtp);
        using var client = await SignedInAsync(host, "rejected@example.com");

        (await client.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created);

        await WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Failed' AND status_reason = 'permanent_failure' AND attempts = 1 AND next_attempt_at IS NULL",
            1,
            "the email row failed on its first attempt");
    }

    [Fact]
    public async Task CreateNotification_WhenStartTlsIsRequiredButNotOffered_EachAttemptIsRecordedUntilTheRowFails()
    {
        // aiosmtpd offers no STARTTLS: MailKit throws NotSupportedException on connect, which must count as a failed attempt.
        var smtp = await SmtpAsync(SmtpTestHandler.Mailbox);
        var host = await HostAsync(smtp, new() { ["Smtp:Security"] = "starttls" });
        using var client = await SignedInAsync(host, "tls@example.com");

        (await client.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created);

        for (var attempt = 1; attempt < Domain.Notifications.NotificationDelivery.MaxAttempts; attempt++)
        {
            await WaitForCountAsync(
                "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Pending' AND status_reason = 'retry_scheduled'"
                + $" AND attempts = {attempt} AND next_attempt_at IS NOT NULL AND last_error LIKE '%STARTTLS%'",
                1,
                $"attempt {attempt} recorded with its error and a retry scheduled");
            Hosts.Time.Shift(TimeSpan.FromMinutes(11)); // past the longest backoff (10 min)
        }

        await WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Failed' AND status_reason = 'attempts_exhausted'"
            + $" AND attempts = {Domain.Notifications.NotificationDelivery.MaxAttempts} AND next_attempt_at IS NULL AND last_error LIKE '%NotSupportedException%'",
            1,
            "the email row failed after the last attempt");
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task TwoInstances_SharingTheDatabase_SendEveryEmailExactlyOnce()
    {
        var smtp = await SmtpAsync(SmtpTestHandler.Mailbox);
        var instanceA = await HostAsync(smtp);
        await HostAsync(smtp);
        using var client = await SignedInAsync(instanceA, "busy@example.com");

        const int count = 12;
        for (var i = 0; i < count; i++)
        {
            (await client.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created);
        }

        await WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Sent'", count, "every email row sent");
        var messages = await smtp.WaitForMessagesAsync(count);
        Assert.Equal(count, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(count, messages.Count);
    }

    [Fact]
    public async Task SmtpPassword_WhenTheServerRefusesToAuthenticate_ReachesNeitherTheLogsNorTheRow()
    {
        const string canary = "canary-smtp-password-7f3a";
        var smtp = await SmtpAsync(SmtpTestHandler.Mailbox);
        var host = await HostAsync(smtp, new() { ["Smtp:Username"] = "mailer", ["Smtp:Password"] = canary });
        using var client = await SignedInAsync(host, "secret@example.com");

        (await client.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created);

        // aiosmtpd offers no AUTH on a plain connection: a configuration fault, so the row waits for a retry.
        await WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Pending' AND status_reason = 'retry_scheduled' AND last_error IS NOT NULL",
            1,
            "the email row waiting for a retry");
        Assert.Contains(Hosts.Logs.Lines, line => line.Contains("offers no authentication", StringComparison.Ordinal));
        Assert.False(Hosts.Logs.Contains(canary), "the SMTP password was logged");
        Assert.Equal(0, await CountAsync($"SELECT COUNT(*) FROM notification_deliveries WHERE last_error LIKE '%{canary}%'"));
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task Restart_WithClaimedAndPendingEmails_TheNewHostSendsEachExactlyOnce()
    {
        // Host A's SMTP server accepts connections and never greets: its worker claims the first row(s) and hangs in the
        // sends, so every row stays pending with no attempt. Host A is then stopped mid-send; the claimed rows keep their
        // lease.
        // The worker finishes a started send even during shutdown (by design), so the host stops waiting for it after its
        // shutdown timeout, cut to 1 s here as a killed process would not wait at all; the abandoned send is settled below.
        var smtp = await SmtpAsync(SmtpTestHandler.Mailbox);
        var silent = SilentSmtpEndpoint.Start();
        Hosts.Track(silent);
        var hostA = await HostAsync(
            silent.Host,
            silent.Port,
            new() { ["Smtp:Timeout"] = "00:02:00" },
            services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1)));
        var emailIds = new List<Guid>();
        using (var client = await SignedInAsync(hostA, "restart@example.com"))
        {
            for (var i = 0; i < 3; i++)
            {
                var created = (await client.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created).Body!;
                emailIds.Add(created["deliveries"]!.AsArray().Single(d => d!["channel"]!.GetValue<string>() == "email")!["id"]!.GetValue<Guid>());
            }
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(silent.Accepted), n => n >= 1, TimeSpan.FromSeconds(20), "host A's worker connecting to send the claimed row");
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Pending' AND attempts = 0"));
        await DisposeHostAsync(hostA);
        Assert.Equal(3, await CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Pending' AND attempts = 0"));

        // The worker sends a claimed batch in parallel: as many sends hang as rows were in its first batch (1–3).
        var abandoned = silent.Accepted;
        Assert.InRange(abandoned, 1, 3);

        // Host B on the same database, with a working SMTP server: the pending rows go at once, the claimed one when its
        // lease (5 min) has run out.
        var hostB = await HostAsync(smtp);
        using var later = await SignedInAsync(hostB, "later@example.com"); // before the clock moves: its token stays valid
        Hosts.Time.Shift(TimeSpan.FromMinutes(6));
        await WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Sent' AND attempts = 1", 3, "every email row sent once, by host B");

        // Past any lease again, then one more email through host B: once it has arrived, host B's worker has polled after
        // the shift, so a row wrongly left due would have gone out a second time by now.
        Hosts.Time.Shift(TimeSpan.FromMinutes(6));
        (await later.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created);
        var messages = await smtp.WaitForMessagesAsync(4);
        await WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Sent' AND attempts = 1", 4, "the later email row sent");

        var restarted = smtp.Messages().Where(m => m.Headers["X-RcptTo"] == "restart@example.com").Select(m => m.MessageId).Order();
        Assert.Equal(emailIds.Select(id => $"{id:D}@riskplatform").Order(), restarted);
        Assert.Equal(4, smtp.Messages().Count);
        Assert.Equal(4, messages.Count);

        // Host A's abandoned send fails when its connection closes; its late outcome must not undo host B's: either the row
        // is found taken over and the outcome left unrecorded, or the stopped host's save fails and nothing is recorded.
        await silent.DisposeAsync();
        await Eventually.ReturnsAsync(
            () => Task.FromResult((
                TakenOver: Hosts.Logs.Lines.Count(line => line.Contains("was taken over while this worker sent it", StringComparison.Ordinal)),
                Failed: Hosts.Logs.Lines.Count(line => line.Contains("could not be processed", StringComparison.Ordinal)))),
            n => n.TakenOver >= abandoned || n.Failed >= 1,
            TimeSpan.FromSeconds(20),
            "host A's abandoned send settled");
        Assert.Equal(4, await CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Sent' AND attempts = 1"));
        Assert.Equal(4, smtp.Messages().Count);
    }

    private async Task<SmtpTestServer> SmtpAsync(SmtpTestHandler handler)
    {
        if (SmtpTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        return Hosts.Track(await SmtpTestServer.StartAsync(handler));
    }

    /// <summary>A host on this test's database (created with the first host), sending through the given SMTP server.</summary>
    private Task<RiskPlatformApiFactory> HostAsync(SmtpTestServer smtp, Dictionary<string, string?>? extraSettings = null) =>
        HostAsync(smtp.Host, smtp.Port, extraSettings, extraServices: null);

    /// <summary>A host on this test's database (created with the first host), sending through the SMTP server at host:port.</summary>
    private Task<RiskPlatformApiFactory> HostAsync(
        string smtpHost, int smtpPort, Dictionary<string, string?>? extraSettings, Action<IServiceCollection>? extraServices)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = smtpHost,
            ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "none",
            ["Smtp:From"] = "RiskPlatform <alerts@riskplatform.test>",
            ["Notifications:Outbox:PollInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in extraSettings ?? [])
        {
            settings[key] = value;
        }

        return Hosts.StartAsync(settings, extraServices);
    }

    private Task DisposeHostAsync(RiskPlatformApiFactory host) => Hosts.StopAsync(host);

    private Task<int> CountAsync(string sql) => Hosts.CountAsync(sql);

    /// <summary>A new user whose account address is verified (email goes only to verified addresses).</summary>
    private static async Task<ApiClient> SignedInAsync(RiskPlatformApiFactory host, string email)
    {
        var client = await DedicatedHosts.SignedInAsync(host, email);
        await VerifiedContacts.VerifyAsync(host.Services, client.UserId, NotificationChannel.Email, email);
        return client;
    }

    private Task WaitForCountAsync(string sql, int expected, string because) => Hosts.WaitForCountAsync(sql, expected, because);
}

public sealed class EmailDeliveryTestsOnSqlite : EmailDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class EmailDeliveryTestsOnPostgres : EmailDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
