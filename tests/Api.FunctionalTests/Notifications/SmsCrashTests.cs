using System.Net;
using RiskPlatform.Api.FunctionalTests.Actors;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications.Peers;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// <c>kill -9</c> of the service while its sms outbox has messages in flight: the fake Twilio has accepted them but not
/// answered, so the killed service never learns their SIDs. After a restart on the same database no notification is lost
/// and every row ends sent once (one attempt, one SID of its own). Twilio's Messages API has no idempotency key, so the
/// messages that were in flight at the kill are sent again — exactly those, each once more, and nothing else: the
/// at-least-once edge is bounded by what was in flight (docs/decisions/025).
/// </summary>
public abstract class SmsCrashTests
{
    private const int Notifications = 8;

    private string _connectionString = string.Empty;

    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public Task Kill9WithTextsInFlight_AfterARestartNoneIsLost_AndOnlyThoseInFlightAreSentAgain() =>
        OwnDatabase.RunAsync(Provider, "sms-crash", connectionString =>
        {
            _connectionString = connectionString;
            return KillMidSendAndRestartAsync();
        });

    private async Task KillMidSendAndRestartAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var twilio = await FakeTwilio.StartAsync();
        twilio.HoldAnswers = TimeSpan.FromSeconds(5);
        var settings = new Dictionary<string, string?>
        {
            ["Sms:Twilio:AccountSid"] = FakeTwilio.AccountSid,
            ["Sms:Twilio:AuthToken"] = FakeTwilio.AuthToken,
            ["Sms:Twilio:From"] = FakeTwilio.From,
            ["Sms:Twilio:BaseUrl"] = twilio.BaseUrl.ToString(),
            // This test is about the outbox, not about proving the phone: the service runs as a process of its own, and the
            // verification flow has its own tests (ContactVerificationTests).
            ["Notifications:Contacts:RequireVerification"] = "false",
            // The first service polls every 3 s, so the notifications created meanwhile go out as one parallel batch.
            ["Notifications:Outbox:PollInterval"] = "00:00:03",
            ["Notifications:Outbox:MaxParallelism"] = "4",
            ["Notifications:Outbox:Lease"] = "00:00:10", // well above the fake's hold, so only the crash re-sends
        };

        await using (var service = await ServiceProcess.StartAsync(Provider, _connectionString, settings, cancellation))
        {
            using var client = new ApiClient(new HttpClient { BaseAddress = service.BaseAddress });
            await client.SignInAsNewUserAsync($"sms-crash-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
            (await client.PostAsync("/api/v1/notifications/preferences", new { notification_type = "system_alert", channel = "sms", is_enabled = true, min_priority = "low", phone = "+12125550100" }))
                .EnsureStatus(HttpStatusCode.Created);
            for (var i = 0; i < Notifications; i++)
            {
                (await client.PostAsync("/api/v1/notifications/test")).EnsureStatus(HttpStatusCode.Created);
            }

            await Eventually.ReturnsAsync(() => Task.FromResult(twilio.AcceptedSids.Count), n => n >= 2, TimeSpan.FromSeconds(30), "texts in flight");
            await service.KillAsync();
        }

        var acceptedBeforeTheRestart = twilio.AcceptedSids.Count;
        var recordedBeforeTheKill = await CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Sent'");

        twilio.HoldAnswers = TimeSpan.Zero;
        settings["Notifications:Outbox:PollInterval"] = "00:00:00.100";
        await using var restarted = await ServiceProcess.StartAsync(Provider, _connectionString, settings, cancellation);
        await Eventually.ReturnsAsync(
            () => CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Sent'"),
            n => n == Notifications,
            TimeSpan.FromSeconds(60),
            "every sms row sent after the restart");

        Assert.Equal(Notifications, await CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Sms' AND status = 'Sent' AND attempts = 1"));
        Assert.Equal(Notifications, await CountAsync("SELECT COUNT(DISTINCT external_id) FROM notification_deliveries WHERE channel = 'Sms'"));
        var inFlightAtTheKill = acceptedBeforeTheRestart - recordedBeforeTheKill;
        Assert.True(inFlightAtTheKill >= 1, "the kill came after Twilio had accepted a text whose answer the service never read");
        Assert.Equal(Notifications + inFlightAtTheKill, twilio.AcceptedSids.Count);
        Assert.All(twilio.Requests, r => Assert.Equal("+12125550100", r.Field("To")));
    }

    private Task<int> CountAsync(string sql) => DatabaseReset.CountAsync(Provider, _connectionString, sql);
}

public sealed class SmsCrashTestsOnSqlite : SmsCrashTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SmsCrashTestsOnPostgres : SmsCrashTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
