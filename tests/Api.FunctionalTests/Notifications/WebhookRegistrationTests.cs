using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Notifications;

/// <summary>
/// Registration and management of webhook endpoints on the shared hosts, which do not allow loopback (as in production):
/// the request-forgery guard refuses every non-public address class, including a host name that resolves to 127.0.0.1.
/// Public addresses are documentation addresses (TEST-NET-3): registering never connects.
/// </summary>
public abstract class WebhookRegistrationTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Root = "/api/v1/notifications/webhooks";
    private const string PublicUrl = "https://203.0.113.10/hooks/risk";

    [Theory]
    [InlineData("https://127.0.0.1/hook", "loopback")]
    [InlineData("https://127.8.9.10:8443/hook", "loopback")]
    [InlineData("https://localhost/hook", "loopback")]
    [InlineData("https://[::1]/hook", "loopback")]
    [InlineData("https://[::ffff:127.0.0.1]/hook", "loopback")]
    [InlineData("https://10.1.2.3/hook", "private")]
    [InlineData("https://172.16.0.1/hook", "private")]
    [InlineData("https://192.168.1.10/hook", "private")]
    [InlineData("https://[fd00::1]/hook", "private")]
    [InlineData("https://[::ffff:10.0.0.1]/hook", "private")]
    [InlineData("https://169.254.10.20/hook", "link-local")]
    [InlineData("https://[fe80::1]/hook", "link-local")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "cloud metadata")]
    [InlineData("https://[fd00:ec2::254]/latest/meta-data/", "cloud metadata")]
    [InlineData("https://0.0.0.0/hook", "unspecified")]
    [InlineData("https://[::]/hook", "unspecified")]
    [InlineData("https://100.64.0.1/hook", "carrier-grade NAT")]
    [InlineData("https://224.0.0.1/hook", "multicast")]
    public async Task Register_WhenTheUrlReachesABlockedAddress_Is400NamingUrlAndStoresNothing(string url, string addressClass)
    {
        var client = await SignedInAsync();

        var problem = (await client.PostAsync(Root, new { url })).EnsureValidationError("url").Body!;

        Assert.Contains(addressClass, problem["errors"]!["url"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM webhook_endpoints"));
    }

    [Theory]
    [InlineData("http://203.0.113.10/hook")]
    [InlineData("ftp://203.0.113.10/hook")]
    [InlineData("https://user:password@203.0.113.10/hook")]
    [InlineData("/relative/hook")]
    [InlineData("")]
    public async Task Register_WhenNotAnHttpsUrlWithoutCredentials_Is400NamingUrl(string url)
    {
        var client = await SignedInAsync();

        (await client.PostAsync(Root, new { url })).EnsureValidationError("url");
    }

    [Fact]
    public async Task Register_WithAnUnknownNotificationType_Is400NamingIt()
    {
        var client = await SignedInAsync();

        (await client.PostRawAsync(Root, $$"""{"url":"{{PublicUrl}}","notification_types":["risk_breach","nope"]}""")).EnsureValidationError("notification_types[1]");
    }

    [Fact]
    public async Task Register_APublicHttpsUrl_Is201WithTheSecretOnce_AndTheListNeverShowsIt()
    {
        var client = await SignedInAsync();

        var response = (await client.PostAsync(Root, new { url = PublicUrl, notification_types = new[] { "trading_halted", "risk_breach" } })).EnsureStatus(HttpStatusCode.Created);

        var created = response.Body!;
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal($"{Root}/{id}", response.Headers.Location!.ToString());
        Assert.Equal(PublicUrl, created["url"]!.GetValue<string>());
        Assert.Equal(["risk_breach", "trading_halted"], created["notification_types"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.StartsWith("whsec_", created["secret"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(created["is_active"]!.GetValue<bool>());

        var listed = Assert.Single((await client.GetAsync(Root)).EnsureStatus(HttpStatusCode.OK).Array)!;
        Assert.Equal(id, listed["id"]!.GetValue<Guid>());
        Assert.False(listed.AsObject().ContainsKey("secret"));
        Assert.False(listed.AsObject().ContainsKey("previous_secret"));
        Assert.Equal(0, listed["consecutive_failures"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnotherUsersWebhook_Is404ForDeleteRotateAndTest_AndIsNotListed()
    {
        var owner = await SignedInAsync();
        var other = await SignedInAsync();
        var id = (await owner.PostAsync(Root, new { url = PublicUrl })).EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();

        (await other.DeleteAsync($"{Root}/{id}")).EnsureProblem(HttpStatusCode.NotFound);
        (await other.PostAsync($"{Root}/{id}/rotate-secret")).EnsureProblem(HttpStatusCode.NotFound);
        (await other.PostAsync($"{Root}/{id}/test")).EnsureProblem(HttpStatusCode.NotFound);
        Assert.Empty((await other.GetAsync(Root)).EnsureStatus(HttpStatusCode.OK).Array);

        (await owner.DeleteAsync($"{Root}/{id}")).EnsureStatus(HttpStatusCode.NoContent);
        Assert.Empty((await owner.GetAsync(Root)).EnsureStatus(HttpStatusCode.OK).Array);
        (await owner.DeleteAsync($"{Root}/{id}")).EnsureProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Register_BeyondTheLimitPerUser_Is409()
    {
        var client = await SignedInAsync();
        for (var i = 0; i < 10; i++)
        {
            (await client.PostAsync(Root, new { url = $"{PublicUrl}/{i}" })).EnsureStatus(HttpStatusCode.Created);
        }

        (await client.PostAsync(Root, new { url = PublicUrl })).EnsureProblem(HttpStatusCode.Conflict);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class WebhookRegistrationTestsOnSqlite(SqliteApiFixture fixture) : WebhookRegistrationTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class WebhookRegistrationTestsOnPostgres(PostgresApiFixture fixture) : WebhookRegistrationTests(fixture);
