using System.Net;
using RiskPlatform.Api.FunctionalTests.Actors;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications.Peers;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// <c>kill -9</c> of the service while its webhook outbox has messages in flight: the receiver has judged and counted
/// them but not answered yet, so the killed service never learns they arrived. After a restart on the same database every
/// row ends sent, the messages in flight are sent again under the same <c>webhook-id</c> (which a receiver that drops
/// duplicates acknowledges), and no notification is accepted twice or lost.
/// </summary>
public abstract class WebhookCrashTests
{
    private const int Notifications = 8;

    private string _connectionString = string.Empty;

    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public Task Kill9WithWebhooksInFlight_AfterARestartEachNotificationIsAcceptedExactlyOnce() =>
        OwnDatabase.RunAsync(Provider, "webhook-crash", connectionString =>
        {
            _connectionString = connectionString;
            return KillMidSendAndRestartAsync();
        });

    private async Task KillMidSendAndRestartAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(TimeProvider.System);
        receiver.HoldAnswers = TimeSpan.FromSeconds(5);
        receiver.AcknowledgeReplays = true;
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:AllowLoopback"] = "true",
            // The first service polls every 3 s, so the notifications created meanwhile go out as one parallel batch.
            ["Notifications:Outbox:PollInterval"] = "00:00:03",
            ["Notifications:Outbox:MaxParallelism"] = "4",
            ["Notifications:Outbox:Lease"] = "00:00:10", // well above the receiver's hold, so only the crash re-sends
        };

        string accessToken, refreshToken;
        await using (var service = await ServiceProcess.StartAsync(Provider, _connectionString, settings, cancellation))
        {
            using var client = new ApiClient(new HttpClient { BaseAddress = service.BaseAddress });
            await client.SignInAsNewUserAsync($"crash-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
            var registered = (await client.PostAsync("/api/v1/notifications/webhooks", new { url = receiver.Url })).EnsureStatus(HttpStatusCode.Created).Body!;
            receiver.Trust(registered["secret"]!.GetValue<string>());
            for (var i = 0; i < Notifications; i++)
            {
                (await client.PostAsync("/api/v1/notifications/test")).EnsureStatus(HttpStatusCode.Created);
            }

            (accessToken, refreshToken) = (client.AccessToken!, client.RefreshToken!);
            await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Accepted.Count), n => n >= 2, TimeSpan.FromSeconds(30), "messages in flight");
            await service.KillAsync();
        }

        var acceptedBeforeTheRestart = receiver.Accepted.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var recordedBeforeTheKill = await CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Webhook' AND status = 'Sent'");

        receiver.HoldAnswers = TimeSpan.Zero;
        settings["Notifications:Outbox:PollInterval"] = "00:00:00.100";
        await using var restarted = await ServiceProcess.StartAsync(Provider, _connectionString, settings, cancellation);
        await Eventually.ReturnsAsync(
            () => CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Webhook' AND status = 'Sent'"),
            n => n == Notifications,
            TimeSpan.FromSeconds(60),
            "every webhook row sent after the restart");

        // Each row's messages carry its own webhook-id; each id was accepted once, and the copies of the messages that
        // were in flight at the kill came back under the same id.
        var accepted = receiver.Accepted.Select(m => m.Id).ToList();
        Assert.Equal(Notifications, accepted.Count);
        Assert.Equal(Notifications, accepted.Distinct(StringComparer.Ordinal).Count());
        // The kill came mid-send: messages accepted but never recorded as sent were sent again, each once, under its id.
        var replays = receiver.Received.Where(m => m.Verdict == WebhookVerdict.Replayed).Select(m => m.Id).ToList();
        Assert.NotEmpty(replays);
        Assert.Equal(acceptedBeforeTheRestart.Count - recordedBeforeTheKill, replays.Count);
        Assert.All(replays, id => Assert.Contains(id, acceptedBeforeTheRestart));
        Assert.Equal(replays.Count, replays.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(receiver.Received, m => m.Verdict is WebhookVerdict.BadSignature or WebhookVerdict.Stale);
        Assert.Equal(Notifications, await CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Webhook' AND status = 'Sent' AND attempts = 1"));
        Assert.Equal(Notifications, receiver.Received.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
        using var after = new ApiClient(new HttpClient { BaseAddress = restarted.BaseAddress });
        after.UseTokens(accessToken, refreshToken);
        Assert.True((await after.GetAsync("/api/v1/notifications/webhooks")).EnsureStatus(HttpStatusCode.OK).Array.Single()!["is_active"]!.GetValue<bool>());
    }

    private Task<int> CountAsync(string sql) => DatabaseReset.CountAsync(Provider, _connectionString, sql);
}

public sealed class WebhookCrashTestsOnSqlite : WebhookCrashTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class WebhookCrashTestsOnPostgres : WebhookCrashTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
