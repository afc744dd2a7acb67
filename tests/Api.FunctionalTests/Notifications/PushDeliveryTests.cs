using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications.Peers;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// Browser push end to end: a browser of the <see cref="FakePushService"/> subscribes over HTTP with the service's VAPID
/// key, notifications are created over HTTP, the push outbox worker of the host sends them, and the fake push service
/// checks each message's VAPID signature and decrypts it with the browser's private key. The hosts allow loopback
/// (<c>Notifications:Webhooks:AllowLoopback</c>, which governs push endpoints too) except where a test says otherwise.
/// </summary>
public abstract class PushDeliveryTests() : DedicatedHostTest("push")
{
    private const string Root = "/api/v1/notifications";

    [Fact]
    public async Task Subscribe_ThenAHighPriorityNotification_ReachesTheBrowserEncryptedForItAndSignedWithTheVapidKey()
    {
        var (host, push) = await StartAsync();
        using var client = await DedicatedHosts.SignedInAsync(host, "browser@example.com");
        var key = (await client.GetAsync($"{Root}/push-subscriptions/vapid-public-key")).EnsureStatus(HttpStatusCode.OK).Body!["public_key"]!.GetValue<string>();
        Assert.Equal(TestSecrets.VapidPublicKey, key);
        var browser = push.Subscribe(key);

        var created = (await client.PostAsync($"{Root}/push-subscriptions", browser.Subscription())).EnsureStatus(HttpStatusCode.Created).Body!;
        var again = (await client.PostAsync($"{Root}/push-subscriptions", browser.Subscription())).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(browser.Endpoint.AbsoluteUri, created["endpoint"]!.GetValue<string>());
        Assert.Equal(created["id"]!.GetValue<Guid>(), again["id"]!.GetValue<Guid>());
        var listed = Assert.Single((await client.GetAsync($"{Root}/push-subscriptions")).EnsureStatus(HttpStatusCode.OK).Array)!.AsObject();
        Assert.False(listed.ContainsKey("keys") || listed.ContainsKey("p256dh") || listed.ContainsKey("auth"), "the keys were shown");

        // Push is for what needs attention by default: a medium notification stays off it.
        var medium = (await client.PostAsync($"{Root}/test", new { priority = "medium" })).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.DoesNotContain(medium["deliveries"]!.AsArray(), d => d!["channel"]!.GetValue<string>() == "push");
        var high = (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;
        var row = Assert.Single(high["deliveries"]!.AsArray(), d => d!["channel"]!.GetValue<string>() == "push")!;
        Assert.Equal("pending", row["status"]!.GetValue<string>());

        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Push' AND status = 'Sent' AND attempts = 1", 1, "the push row sent");
        var message = Assert.Single(push.Received);
        Assert.Equal(PushVerdict.Accepted, message.Verdict);
        Assert.Equal("high", message.Urgency);
        Assert.InRange(int.Parse(message.Ttl, System.Globalization.CultureInfo.InvariantCulture), 1, 86_400);
        var payload = JsonNode.Parse(message.Plaintext!)!;
        var notificationId = high["notification"]!["id"]!.GetValue<Guid>();
        Assert.Equal(notificationId, payload["id"]!.GetValue<Guid>());
        Assert.Equal("system_alert", payload["type"]!.GetValue<string>());
        Assert.Equal("high", payload["priority"]!.GetValue<string>());
        Assert.StartsWith("RiskPlatform: ", payload["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(payload["data"]);
        var notification = (await client.GetAsync($"{Root}/{notificationId}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Contains("push", notification["sent_via"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.NotNull((await client.GetAsync($"{Root}/push-subscriptions")).Array.Single()!["last_success_at"]?.GetValue<DateTime>());
    }

    [Fact]
    public async Task ThePushService_RefusesAForgedTokenAnotherKeyAndAPayloadItCannotDecrypt_SoTheFakeProvesWhatItAccepts()
    {
        var (host, push) = await StartAsync();
        using var client = await DedicatedHosts.SignedInAsync(host, "forged@example.com");
        var browser = push.Subscribe(TestSecrets.VapidPublicKey);
        (await client.PostAsync($"{Root}/push-subscriptions", browser.Subscription())).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created);
        await Eventually.ReturnsAsync(() => Task.FromResult(push.Accepted.Count), n => n == 1, TimeSpan.FromSeconds(20), "the message accepted");
        var original = push.Accepted[0];

        // The accepted message judged again is accepted; each alteration is caught.
        Assert.Equal(PushVerdict.Accepted, Judge(push, original).Verdict);
        Assert.Equal(PushVerdict.BadVapid, Judge(push, original with { Authorization = Signature(original.Authorization, flip: true) }).Verdict);
        Assert.Equal(PushVerdict.WrongKey, Judge(push, original with { Authorization = original.Authorization.Replace(TestSecrets.VapidPublicKey, TestSecrets.OtherVapidPublicKey, StringComparison.Ordinal) }).Verdict);
        var altered = (byte[])original.Body.Clone();
        altered[^20] ^= 0x01;
        Assert.Equal(PushVerdict.Undecryptable, Judge(push, original with { Body = altered }).Verdict);

        // A browser that subscribed with another server's key refuses our signature; one whose auth secret we were told
        // wrongly cannot decrypt what we send. Both fail for good on the row.
        var other = push.Subscribe(TestSecrets.OtherVapidPublicKey);
        var wrongSecret = push.Subscribe(TestSecrets.VapidPublicKey);
        (await client.PostAsync($"{Root}/push-subscriptions", other.Subscription())).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync($"{Root}/push-subscriptions", wrongSecret.Subscription(auth: "AAAAAAAAAAAAAAAAAAAAAA"))).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync($"{Root}/test", new { priority = "urgent" })).EnsureStatus(HttpStatusCode.Created);

        await Hosts.WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Push' AND status = 'Failed' AND status_reason = 'permanent_failure' AND attempts = 1",
            2,
            "the rows to the mismatched browsers failed for good");
        Assert.Contains(push.Received, m => m.Endpoint == other.Endpoint && m.Verdict == PushVerdict.WrongKey);
        Assert.Contains(push.Received, m => m.Endpoint == wrongSecret.Endpoint && m.Verdict == PushVerdict.Undecryptable);
        Assert.Equal(2, push.Accepted.Count);
        Assert.Equal(3, (await client.GetAsync($"{Root}/push-subscriptions")).Array.Count);
    }

    [Fact]
    public async Task ABrowserGone_ItsRowFails_TheSubscriptionIsRemoved_AndTheOtherBrowserStillReceives()
    {
        var (host, push) = await StartAsync();
        using var client = await DedicatedHosts.SignedInAsync(host, "gone@example.com");
        var kept = push.Subscribe(TestSecrets.VapidPublicKey);
        var gone = push.Subscribe(TestSecrets.VapidPublicKey);
        (await client.PostAsync($"{Root}/push-subscriptions", kept.Subscription())).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync($"{Root}/push-subscriptions", gone.Subscription())).EnsureStatus(HttpStatusCode.Created);
        push.Expire(gone);

        (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created);

        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM push_subscriptions", 1, "the gone subscription removed");
        await Hosts.WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Push' AND status = 'Failed' AND status_reason = 'permanent_failure' AND last_error LIKE 'HTTP 410%'",
            1,
            "the row to the gone browser failed");
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Push' AND status = 'Sent'", 1, "the other browser's row sent");
        Assert.Equal(kept.Endpoint.AbsoluteUri, (await client.GetAsync($"{Root}/push-subscriptions")).Array.Single()!["endpoint"]!.GetValue<string>());

        var next = (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Single(next["deliveries"]!.AsArray(), d => d!["channel"]!.GetValue<string>() == "push");
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Push' AND status = 'Sent'", 2, "the next notification reached the kept browser");
        Assert.Single(push.Received, m => m.Endpoint == gone.Endpoint);
        Assert.All(push.Received.Where(m => m.Endpoint == kept.Endpoint), m => Assert.Equal(PushVerdict.Accepted, m.Verdict));
    }

    [Fact]
    public async Task PushServiceDown_ThenBack_TheMessageArrivesExactlyOnce()
    {
        var (host, push) = await StartAsync();
        using var client = await DedicatedHosts.SignedInAsync(host, "outage@example.com");
        var browser = push.Subscribe(TestSecrets.VapidPublicKey);
        (await client.PostAsync($"{Root}/push-subscriptions", browser.Subscription())).EnsureStatus(HttpStatusCode.Created);
        push.FailNext(1);

        (await client.PostAsync($"{Root}/test", new { priority = "high" })).EnsureStatus(HttpStatusCode.Created);
        await Hosts.WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Push' AND status = 'Pending' AND status_reason = 'retry_scheduled' AND attempts = 1 AND last_error LIKE 'HTTP 503%'",
            1,
            "the push row retried after a 503");
        Hosts.Time.Shift(TimeSpan.FromSeconds(31)); // past the first backoff (15–30 s)

        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Push' AND status = 'Sent' AND attempts = 2", 1, "the push row sent on its second attempt");
        Assert.Single(push.Accepted);
        Assert.Equal(2, push.Received.Count);
        Assert.Equal(1, await Hosts.CountAsync("SELECT COUNT(*) FROM push_subscriptions"));
    }

    [Fact]
    public async Task Subscribe_RefusesWhatTheServiceMayNotPostTo_AndMalformedKeys_AndUnsubscribeRemovesOnlyTheCallersOwn()
    {
        var host = await Hosts.StartAsync(Settings());
        var strict = await Hosts.StartAsync(new Dictionary<string, string?> { ["Notifications:Webhooks:AllowLoopback"] = "false" });
        var push = Hosts.Track(await FakePushService.StartAsync());
        using var client = await DedicatedHosts.SignedInAsync(strict, "strict@example.com");
        var browser = push.Subscribe(TestSecrets.VapidPublicKey);
        var keys = new { p256dh = browser.P256dh, auth = browser.Auth };

        // The fake's own http://127.0.0.1 URL, an https loopback and private address, a name that resolves to loopback.
        foreach (var endpoint in new[] { browser.Endpoint.AbsoluteUri, "https://127.0.0.1/push/x", "https://10.0.0.8/push/x", "https://localhost/push/x", "https://[::1]/push/x" })
        {
            (await client.PostAsync($"{Root}/push-subscriptions", new { endpoint, keys })).EnsureValidationError("endpoint");
        }

        (await client.PostAsync($"{Root}/push-subscriptions", new { endpoint = "ftp://push.example.com/x", keys })).EnsureValidationError("endpoint");
        (await client.PostAsync($"{Root}/push-subscriptions", new { endpoint = "https://push.example.com/x" })).EnsureValidationError("keys");
        (await client.PostAsync($"{Root}/push-subscriptions", new { endpoint = "https://push.example.com/x", keys = new { p256dh = browser.Auth, auth = browser.Auth } }))
            .EnsureValidationError("keys.p256dh");
        (await client.PostAsync($"{Root}/push-subscriptions", new { endpoint = "https://push.example.com/x", keys = new { p256dh = browser.P256dh, auth = "c2hvcnQ" } }))
            .EnsureValidationError("keys.auth");
        Assert.Equal(0, await Hosts.CountAsync("SELECT COUNT(*) FROM push_subscriptions"));

        // On a host that allows loopback: the owner unsubscribes by endpoint or id; another user gets 404 for either.
        using var owner = await DedicatedHosts.SignedInAsync(host, "owner@example.com");
        using var stranger = await DedicatedHosts.SignedInAsync(host, "stranger@example.com");
        var id = (await owner.PostAsync($"{Root}/push-subscriptions", browser.Subscription())).EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        var second = push.Subscribe(TestSecrets.VapidPublicKey);
        (await owner.PostAsync($"{Root}/push-subscriptions", second.Subscription())).EnsureStatus(HttpStatusCode.Created);
        (await stranger.DeleteAsync($"{Root}/push-subscriptions/{id}")).EnsureProblem(HttpStatusCode.NotFound);
        (await stranger.SendAsync(DeleteByEndpoint(browser))).EnsureProblem(HttpStatusCode.NotFound);
        Assert.Empty((await stranger.GetAsync($"{Root}/push-subscriptions")).Array);

        (await owner.DeleteAsync($"{Root}/push-subscriptions/{id}")).EnsureStatus(HttpStatusCode.NoContent);
        (await owner.SendAsync(DeleteByEndpoint(second))).EnsureStatus(HttpStatusCode.NoContent);
        (await owner.SendAsync(DeleteByEndpoint(second))).EnsureProblem(HttpStatusCode.NotFound);
        Assert.Empty((await owner.GetAsync($"{Root}/push-subscriptions")).Array);
    }

    private static HttpRequestMessage DeleteByEndpoint(PushBrowser browser) =>
        new(HttpMethod.Delete, $"{Root}/push-subscriptions")
        {
            Content = new StringContent($$"""{"endpoint":"{{browser.Endpoint.AbsoluteUri}}"}""", Encoding.UTF8, "application/json"),
        };

    private static (PushVerdict Verdict, string? Plaintext) Judge(FakePushService push, ReceivedPush message) =>
        push.Judge(message.Endpoint, message.Authorization, message.Ttl, message.ContentEncoding, message.Body);

    /// <summary>The Authorization header with one bit of the JWT's signature changed.</summary>
    private static string Signature(string authorization, bool flip)
    {
        // "vapid t=<header>.<claims>.<signature>, k=<key>"
        var t = authorization.IndexOf("t=", StringComparison.Ordinal) + 2;
        var end = authorization.IndexOf(',', t);
        var jwt = authorization[t..end];
        var dot = jwt.LastIndexOf('.');
        var signature = jwt[(dot + 1)..].ToCharArray();
        if (flip)
        {
            signature[5] = signature[5] == 'A' ? 'B' : 'A';
        }

        return authorization[..t] + jwt[..(dot + 1)] + new string(signature) + authorization[end..];
    }

    private async Task<(RiskPlatformApiFactory Host, FakePushService Push)> StartAsync()
    {
        var push = Hosts.Track(await FakePushService.StartAsync());
        var host = await Hosts.StartAsync(Settings());
        return (host, push);
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Notifications:Webhooks:AllowLoopback"] = "true",
        ["Notifications:Outbox:PollInterval"] = "00:00:00.100",
    };
}

public sealed class PushDeliveryTestsOnSqlite : PushDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PushDeliveryTestsOnPostgres : PushDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
