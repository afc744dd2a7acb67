using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications.Peers;
using RiskPlatform.Domain.Notifications.Webhooks;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// End to end: webhook endpoints registered over HTTP, notifications created over HTTP, the webhook outbox worker of the
/// host, and a receiver on loopback that verifies every signature by the Standard Webhooks rules on its own. The hosts
/// allow loopback (<c>Notifications:Webhooks:AllowLoopback</c>), as Development does, except where a test says otherwise.
/// </summary>
public abstract class WebhookDeliveryTests() : DedicatedHostTest("webhook")
{
    private const string Root = "/api/v1/notifications";
    [Fact]
    public async Task Notification_ReachesTheEndpointOnceSignedAndTheReceiverVerifiesIt()
    {
        var (host, receiver) = await StartAsync();
        using var client = await DedicatedHosts.SignedInAsync(host, "bot@example.com");
        await RegisterAsync(client, receiver, "system_alert");

        var created = (await client.PostAsync($"{Root}/test", new { priority = "low" })).EnsureStatus(HttpStatusCode.Created).Body!;

        var notificationId = created["notification"]!["id"]!.GetValue<Guid>();
        var row = created["deliveries"]!.AsArray().Single(d => d!["channel"]!.GetValue<string>() == "webhook")!;
        Assert.Equal("pending", row["status"]!.GetValue<string>());
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Webhook' AND status = 'Sent' AND attempts = 1", 1, "the webhook row sent");
        var message = Assert.Single(receiver.Received);
        Assert.Equal(WebhookVerdict.Accepted, message.Verdict);
        Assert.True(message.ReferenceVerified, "the Standard Webhooks reference implementation (StandardWebhooks 1.1.2) accepts the signed message");
        Assert.Equal($"msg_{row["id"]!.GetValue<Guid>():N}", message.Id);
        var body = JsonNode.Parse(message.Body)!;
        Assert.Equal("notification.system_alert", body["type"]!.GetValue<string>());
        Assert.Equal(notificationId, body["data"]!["id"]!.GetValue<Guid>());
        Assert.Equal("low", body["data"]!["priority"]!.GetValue<string>());
        Assert.True(body["data"]!["data"]!["test"]!.GetValue<bool>());
        var notification = (await client.GetAsync($"{Root}/{notificationId}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Contains("webhook", notification["sent_via"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Receiver_RejectsAReplayedAStaleAndAnAlteredCopyOfADeliveredMessage()
    {
        var (host, receiver) = await StartAsync();
        using var client = await DedicatedHosts.SignedInAsync(host, "replay@example.com");
        await RegisterAsync(client, receiver);
        (await client.PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Created);
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Accepted.Count), n => n == 1, TimeSpan.FromSeconds(20), "the message accepted");
        var original = receiver.Accepted[0];
        using var attacker = new HttpClient();

        Assert.Equal(HttpStatusCode.Conflict, await PostCopyAsync(attacker, receiver, original));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostCopyAsync(attacker, receiver, original with { Body = original.Body.Replace("\"low\"", "\"urgent\"", StringComparison.Ordinal).Replace("\"high\"", "\"urgent\"", StringComparison.Ordinal) }));
        var later = long.Parse(original.Timestamp, CultureInfo.InvariantCulture) + 1;
        Assert.Equal(HttpStatusCode.Unauthorized, await PostCopyAsync(attacker, receiver, original with { Timestamp = later.ToString(CultureInfo.InvariantCulture), Id = "msg_forged" }));
        Hosts.Time.Shift(WebhookReceiver.Tolerance + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.BadRequest, await PostCopyAsync(attacker, receiver, original));
        Assert.Single(receiver.Accepted);
    }

    [Fact]
    public async Task EndpointDown_ThenBack_EachNotificationArrivesExactlyOnceUnderTheSameWebhookId()
    {
        var (host, receiver) = await StartAsync();
        using var client = await DedicatedHosts.SignedInAsync(host, "outage@example.com");
        await RegisterAsync(client, receiver);
        receiver.FailNext(3);

        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Created);
        }

        await Hosts.WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Webhook' AND status = 'Pending' AND status_reason = 'retry_scheduled' AND attempts = 1 AND last_error LIKE 'HTTP 503%'",
            3,
            "every webhook row retried after a 503");
        Hosts.Time.Shift(TimeSpan.FromSeconds(31)); // past the first backoff (15–30 s)

        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Webhook' AND status = 'Sent' AND attempts = 2", 3, "every webhook row sent on its second attempt");
        Assert.Equal(3, receiver.Accepted.Select(m => m.Id).Distinct().Count());
        Assert.Equal(6, receiver.Received.Count);
        Assert.Equal(
            receiver.Received.Where(m => m.Verdict == WebhookVerdict.Failing).Select(m => m.Id).Order(),
            receiver.Accepted.Select(m => m.Id).Order());
        Assert.Equal(0, (await client.GetAsync($"{Root}/webhooks")).Array.Single()!["consecutive_failures"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnEndpointThatKeepsFailing_IsDisabledAfterTheConfiguredRun_AndItsOwnerIsToldInApp()
    {
        var (host, receiver) = await StartAsync(new() { ["Notifications:Webhooks:DisableAfterFailures"] = "2" });
        using var client = await DedicatedHosts.SignedInAsync(host, "dead@example.com");
        await RegisterAsync(client, receiver);
        receiver.FailNext(100, Microsoft.AspNetCore.Http.StatusCodes.Status500InternalServerError);

        (await client.PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Created);
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Webhook' AND attempts = 1 AND status = 'Pending'", 1, "the first attempt failed");
        Hosts.Time.Shift(TimeSpan.FromSeconds(31));
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM webhook_endpoints WHERE disabled_at IS NOT NULL AND consecutive_failures = 2", 1, "the endpoint disabled after two failures");
        Hosts.Time.Shift(TimeSpan.FromSeconds(61)); // past the second backoff: the row finds its endpoint disabled

        await Hosts.WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Webhook' AND status = 'Suppressed' AND status_reason = 'endpoint_disabled'",
            await Hosts.CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Webhook'"),
            "every webhook row of the disabled endpoint dropped");
        var webhook = (await client.GetAsync($"{Root}/webhooks")).Array.Single()!;
        Assert.False(webhook["is_active"]!.GetValue<bool>());
        Assert.StartsWith("HTTP 500", webhook["disabled_reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var inbox = (await client.GetAsync($"{Root}?type=system_alert")).EnsureStatus(HttpStatusCode.OK).Array;
        var notice = Assert.Single(inbox, n => n!["title"]!.GetValue<string>() == "Webhook endpoint disabled")!;
        Assert.Equal(webhook["id"]!.GetValue<Guid>(), notice["data"]!["webhook_id"]!.GetValue<Guid>());
        Assert.Equal(2, receiver.Received.Count);
        Assert.Empty(receiver.Accepted);
    }

    [Fact]
    public async Task RotateSecret_BothSecretsSignDuringTheOverlap_ThenOnlyTheNewOne()
    {
        var (host, receiver) = await StartAsync(new() { ["Notifications:Webhooks:SecretOverlap"] = "00:01:00" });
        using var client = await DedicatedHosts.SignedInAsync(host, "rotate@example.com");
        var registered = await RegisterAsync(client, receiver);
        var id = registered["id"]!.GetValue<Guid>();
        var oldSecret = registered["secret"]!.GetValue<string>();

        var rotated = (await client.PostAsync($"{Root}/webhooks/{id}/rotate-secret")).EnsureStatus(HttpStatusCode.OK).Body!;
        var newSecret = rotated["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", newSecret, StringComparison.Ordinal);
        Assert.NotEqual(oldSecret, newSecret);

        receiver.Trust(oldSecret); // a receiver not switched yet
        Assert.True((await PingAsync(client, id))["delivered"]!.GetValue<bool>());
        Assert.True(receiver.Received[^1].ReferenceVerified, "the reference implementation accepts the old secret's signature of the overlap");
        receiver.Trust(newSecret); // a receiver already switched
        Assert.True((await PingAsync(client, id))["delivered"]!.GetValue<bool>());
        Assert.Equal(2, receiver.Received[^1].SignatureHeader.Split(' ').Length);
        Assert.True(receiver.Received[^1].ReferenceVerified, "the reference implementation accepts the new secret's signature of the overlap");

        Hosts.Time.Shift(TimeSpan.FromMinutes(2)); // the overlap is over
        receiver.Trust(oldSecret);
        var refused = await PingAsync(client, id);
        Assert.False(refused["delivered"]!.GetValue<bool>());
        Assert.Equal(401, refused["status_code"]!.GetValue<int>());
        receiver.Trust(newSecret);
        Assert.True((await PingAsync(client, id))["delivered"]!.GetValue<bool>());
        Assert.Single(receiver.Received[^1].SignatureHeader.Split(' '));
        Assert.True(receiver.Received[^1].ReferenceVerified);
        Assert.Equal("webhook.test", JsonNode.Parse(receiver.Received[^1].Body)!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendTime_TheAddressIsJudgedAgain_AHostNotAllowingLoopbackRefusesANameThatResolvesToIt()
    {
        // Registered where loopback was allowed, sent where it is not: the same as a name that resolved to a public address
        // at registration and to 127.0.0.1 at send time. The connect step judges what the name resolves to now.
        var (hostA, receiver) = await StartAsync();
        using var client = await DedicatedHosts.SignedInAsync(hostA, "rebind@example.com");
        var url = new UriBuilder(receiver.Url) { Host = "localhost" }.Uri;
        receiver.Trust((await client.PostAsync($"{Root}/webhooks", new { url })).EnsureStatus(HttpStatusCode.Created).Body!["secret"]!.GetValue<string>());
        await Hosts.StopAsync(hostA);
        var hostB = await Hosts.StartAsync(Settings(new() { ["Notifications:Webhooks:AllowLoopback"] = "false" }));
        using var clientB = new ApiClient(hostB.CreateClient());
        clientB.UseTokens(client.AccessToken!, client.RefreshToken!);

        (await clientB.PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Created);

        await Hosts.WaitForCountAsync(
            "SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Webhook' AND status = 'Failed' AND status_reason = 'permanent_failure' AND attempts = 1 AND last_error LIKE '%loopback%'",
            1,
            "the webhook row refused at send time");
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task Secrets_AreStoredOnlySealed_ThroughRegistrationAndRotation_AndStillSign()
    {
        var (host, receiver) = await StartAsync();
        using var client = await DedicatedHosts.SignedInAsync(host, "sealed@example.com");
        var registered = await RegisterAsync(client, receiver);
        var id = registered["id"]!.GetValue<Guid>();
        var first = registered["secret"]!.GetValue<string>();

        var stored = await StoredSecretsAsync(host, id);
        Assert.StartsWith("sealed:v1:", stored.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain(first[WebhookSecret.Prefix.Length..], stored.Secret, StringComparison.Ordinal);
        (await client.PostAsync($"{Root}/test")).EnsureStatus(HttpStatusCode.Created);
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Accepted.Count), n => n == 1, TimeSpan.FromSeconds(20), "the delivery verified with the secret shown at registration");

        var second = (await client.PostAsync($"{Root}/webhooks/{id}/rotate-secret")).EnsureStatus(HttpStatusCode.OK).Body!["secret"]!.GetValue<string>();
        stored = await StoredSecretsAsync(host, id);
        Assert.All([stored.Secret, stored.PreviousSecret!], s => Assert.StartsWith("sealed:v1:", s, StringComparison.Ordinal));
        Assert.All([first, second], secret => Assert.DoesNotContain(secret[WebhookSecret.Prefix.Length..], stored.Secret + stored.PreviousSecret, StringComparison.Ordinal));
        receiver.Trust(second);
        Assert.True((await PingAsync(client, id))["delivered"]!.GetValue<bool>());
        receiver.Trust(first);
        Assert.True((await PingAsync(client, id))["delivered"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ASecretStoredBeforeSealing_StillSigns_AndKeysRewrapSealsItWithoutChangingIt()
    {
        var (host, receiver) = await StartAsync();
        using var client = await DedicatedHosts.SignedInAsync(host, "legacy@example.com");
        var id = (await RegisterAsync(client, receiver))["id"]!.GetValue<Guid>();
        var legacy = WebhookSecret.New();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // As a row from before secrets were sealed holds it: the text itself.
            await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<WebhookEndpoint>()
                .Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Secret, legacy), TestContext.Current.CancellationToken);
        }

        receiver.Trust(legacy);
        Assert.True((await PingAsync(client, id))["delivered"]!.GetValue<bool>());

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await RewrapCommandLine.RunAsync(host.Services, output, error, TestContext.Current.CancellationToken));
        Assert.Contains("1 webhook secrets sealed", output.ToString(), StringComparison.Ordinal);
        var stored = await StoredSecretsAsync(host, id);
        Assert.StartsWith("sealed:v1:", stored.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain(legacy[WebhookSecret.Prefix.Length..], stored.Secret, StringComparison.Ordinal);
        Assert.True((await PingAsync(client, id))["delivered"]!.GetValue<bool>()); // the same secret still signs

        Assert.Equal(0, (await RewrapCommandLine.ResealWebhookSecretsAsync(host.Services, TestContext.Current.CancellationToken)).Resealed);
    }

    private static async Task<(string Secret, string? PreviousSecret)> StoredSecretsAsync(RiskPlatformApiFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<WebhookEndpoint>().AsNoTracking()
            .Where(e => e.Id == id).Select(e => new { e.Secret, e.PreviousSecret }).SingleAsync(TestContext.Current.CancellationToken);
        return (row.Secret, row.PreviousSecret);
    }

    private static Dictionary<string, string?> Settings(Dictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:AllowLoopback"] = "true",
            ["Notifications:Outbox:PollInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<JsonNode> RegisterAsync(ApiClient client, WebhookReceiver receiver, params string[] types)
    {
        var registered = (await client.PostAsync($"{Root}/webhooks", new { url = receiver.Url, notification_types = types })).EnsureStatus(HttpStatusCode.Created).Body!;
        receiver.Trust(registered["secret"]!.GetValue<string>());
        return registered;
    }

    private static async Task<JsonNode> PingAsync(ApiClient client, Guid id) =>
        (await client.PostAsync($"{Root}/webhooks/{id}/test")).EnsureStatus(HttpStatusCode.OK).Body!;

    private static async Task<HttpStatusCode> PostCopyAsync(HttpClient http, WebhookReceiver receiver, ReceivedWebhook message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(message.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", message.Id);
        request.Headers.Add("webhook-timestamp", message.Timestamp);
        request.Headers.Add("webhook-signature", message.SignatureHeader);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<(RiskPlatformApiFactory Host, WebhookReceiver Receiver)> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var receiver = Hosts.Track(await WebhookReceiver.StartAsync(Hosts.Time));
        var host = await Hosts.StartAsync(Settings(extra));
        return (host, receiver);
    }
}

public sealed class WebhookDeliveryTestsOnSqlite : WebhookDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class WebhookDeliveryTestsOnPostgres : WebhookDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
