using System.Globalization;
using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications.Peers;
using RiskPlatform.Domain.Notifications;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// Digests end to end (<c>digest_interval_minutes</c> on an email or sms preference): the non-urgent notifications of an
/// interval wait and leave as one message when it ends — read from the SMTP test server's mailbox and the fake Twilio —
/// while an urgent one goes at once; every row is recorded sent exactly once.
/// </summary>
public abstract class DigestTests() : DedicatedHostTest("digest")
{
    private const string Root = "/api/v1/notifications";

    [Fact]
    public async Task EmailDigest_CollectsTheIntervalsNotificationsIntoOneMessage_UrgentGoesAtOnce()
    {
        if (SmtpTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var smtp = Hosts.Track(await SmtpTestServer.StartAsync(SmtpTestHandler.Mailbox));
        var host = await Hosts.StartAsync(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = smtp.Host,
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "none",
            ["Smtp:From"] = "RiskPlatform <alerts@riskplatform.test>",
            ["Notifications:Outbox:PollInterval"] = "00:00:00.100",
        });
        using var client = await DedicatedHosts.SignedInAsync(host, "digest@example.com");
        await VerifiedContacts.VerifyAsync(host.Services, client.UserId, NotificationChannel.Email, "digest@example.com");
        var preference = (await client.PostAsync($"{Root}/preferences", new { notification_type = "system_alert", channel = "email", min_priority = "low", digest_interval_minutes = 10 }))
            .EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal(10, preference["digest_interval_minutes"]!.GetValue<int>());

        var rows = new List<(string Status, string Reason)>();
        foreach (var priority in new[] { "low", "medium", "high" })
        {
            var body = (await client.PostAsync($"{Root}/test", new { priority })).EnsureStatus(HttpStatusCode.Created).Body!;
            var row = body["deliveries"]!.AsArray().Single(d => d!["channel"]!.GetValue<string>() == "email")!;
            rows.Add((row["status"]!.GetValue<string>(), row["status_reason"]!.GetValue<string>()));
        }

        Assert.All(rows, r => Assert.Equal(("scheduled", "digest"), r));
        Assert.Equal(2, await Hosts.CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE digest_leader_id IS NOT NULL"));

        // Urgent does not wait for the digest.
        (await client.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created);
        var urgent = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Contains("[URGENT]", urgent.Subject, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.Single(smtp.Messages());

        Hosts.Time.Shift(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(5));
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Email' AND status = 'Sent' AND attempts = 1", 4, "the three digested rows and the urgent one sent once each");
        var messages = await smtp.WaitForMessagesAsync(2);
        Assert.Equal(2, messages.Count);
        var digest = messages.Single(m => m.Subject?.Contains("[URGENT]", StringComparison.Ordinal) != true);
        Assert.Equal("RiskPlatform: 3 notifications", digest.Subject);
        Assert.Equal("digest@example.com", digest.Headers["X-RcptTo"]);
        foreach (var priority in new[] { "low", "medium", "high" })
        {
            Assert.Contains($"System alert · {priority}", digest.TextBody!, StringComparison.Ordinal);
        }

        var inbox = (await client.GetAsync(Root)).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.All(inbox, n => Assert.Contains("email", n!["sent_via"]!.AsArray().Select(c => c!.GetValue<string>())));
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.Equal(2, smtp.Messages().Count);
    }

    [Fact]
    public async Task SmsDigest_IsOneTextPerInterval_AndANotificationAfterItOpensTheNextDigest()
    {
        var twilio = Hosts.Track(await FakeTwilio.StartAsync());
        var host = await Hosts.StartAsync(new Dictionary<string, string?>
        {
            ["Sms:Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Sms:Twilio:AuthToken"] = FakeTwilio.AuthToken,
            ["Sms:Twilio:From"] = FakeTwilio.From,
            ["Sms:Twilio:BaseUrl"] = twilio.BaseUrl.ToString(),
            ["Notifications:Outbox:PollInterval"] = "00:00:00.100",
        });
        using var client = await DedicatedHosts.SignedInAsync(host, "digest-sms@example.com");
        await VerifiedContacts.VerifyAsync(host.Services, client.UserId, NotificationChannel.Sms, "+12125550100");
        (await client.PostAsync($"{Root}/preferences", new { notification_type = "system_alert", channel = "sms", min_priority = "low", phone = "+12125550100", digest_interval_minutes = 5 }))
            .EnsureStatus(HttpStatusCode.Created);

        (await client.PostAsync($"{Root}/test", new { priority = "low" })).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.Empty(twilio.Requests);

        Hosts.Time.Shift(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5));
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Sent'", 2, "both digested rows sent");
        var text = Assert.Single(twilio.Requests);
        Assert.StartsWith("RiskPlatform: 2 notifications: ", text.Field("Body"), StringComparison.Ordinal);
        Assert.Equal(1, (await Hosts.CountAsync("SELECT COUNT(DISTINCT external_id) FROM notification_deliveries WHERE channel = 'Sms'")));

        // The interval is over: the next notification opens a digest of its own.
        var next = (await client.PostAsync($"{Root}/test", new { priority = "medium" })).EnsureStatus(HttpStatusCode.Created).Body!;
        var row = next["deliveries"]!.AsArray().Single(d => d!["channel"]!.GetValue<string>() == "sms")!;
        Assert.Equal("digest", row["status_reason"]!.GetValue<string>());
        Hosts.Time.Shift(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5));
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Sent'", 3, "the next digest sent");
        Assert.Equal(2, twilio.Requests.Count);
        Assert.DoesNotContain("notifications:", twilio.Requests[1].Field("Body"), StringComparison.Ordinal);
    }
}

public sealed class DigestTestsOnSqlite : DigestTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class DigestTestsOnPostgres : DigestTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
