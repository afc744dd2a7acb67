using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications.Peers;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>Per-user caps per channel (<c>Notifications:Caps</c>) and the limit on <c>POST /notifications/test</c>, end to end.</summary>
public abstract class NotificationLimitsTests() : DedicatedHostTest("limits")
{
    private const string Root = "/api/v1/notifications";
    [Fact]
    public async Task BeyondTheHourlyCap_RowsAreSuppressedWithOneInAppNotice_UrgentStillGoesOut_AndTestIsLimited()
    {
        var receiver = Hosts.Track(await WebhookReceiver.StartAsync(Hosts.Time));
        var host = await Hosts.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:AllowLoopback"] = "true",
            ["Notifications:Outbox:PollInterval"] = "00:00:00.100",
            ["Notifications:Caps:Webhook:PerHour"] = "2",
            ["Notifications:TestNotificationsPerHour"] = "5",
        });
        using var client = await DedicatedHosts.SignedInAsync(host, "capped@example.com");
        receiver.Trust((await client.PostAsync($"{Root}/webhooks", new { url = receiver.Url })).EnsureStatus(HttpStatusCode.Created).Body!["secret"]!.GetValue<string>());

        var reasons = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var created = (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;
            reasons.Add(created["deliveries"]!.AsArray().Single(d => d!["channel"]!.GetValue<string>() == "webhook")!["status_reason"]!.GetValue<string>());
        }

        var urgent = (await client.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created).Body!;

        Assert.Equal(["ready", "ready", "cap_reached", "cap_reached"], reasons);
        Assert.Equal("ready", urgent["deliveries"]!.AsArray().Single(d => d!["channel"]!.GetValue<string>() == "webhook")!["status_reason"]!.GetValue<string>());
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Accepted.Count), n => n == 3, TimeSpan.FromSeconds(20), "the two under the cap and the urgent one delivered");
        var notices = (await client.GetAsync($"{Root}?type=system_alert")).EnsureStatus(HttpStatusCode.OK).Array
            .Where(n => n!["title"]!.GetValue<string>() == "Notification limit reached for webhook")
            .ToList();
        Assert.Single(notices);

        var throttled = (await client.PostAsync($"{Root}/test")).EnsureProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal("too_many_test_notifications", throttled.Body!["code"]!.GetValue<string>());
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 carries Retry-After");
        Assert.Equal(3, receiver.Accepted.Count);
    }

}

public sealed class NotificationLimitsTestsOnSqlite : NotificationLimitsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class NotificationLimitsTestsOnPostgres : NotificationLimitsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
