using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Platform;

/// <summary>
/// X-Forwarded-For is honoured from trusted proxies only (loopback, and ForwardedHeaders:KnownProxies / KnownNetworks): the
/// client's address then reaches the audit rows and the per-IP sign-in limit; from anyone else the header is ignored.
/// Each test runs its own host, whose connections appear to come from the address in <see cref="PeerAddressFilter.Header"/>.
/// </summary>
public abstract class TrustedProxyTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string PeerHeader = PeerAddressFilter.Header;
    private const string Password = "Correct-Horse-42";

    private RiskPlatformApiFactory Host(IReadOnlyDictionary<string, string?>? settings = null) =>
        Fixture.CreateHostWithPeerAddresses(settings);

    private static async Task<ApiResponse> LoginAsync(ApiClient client, string email, string password, string peer, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email, password }),
        };
        request.Headers.Add(PeerHeader, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }

    private static async Task<string?> LastLoginAddressAsync(RiskPlatformApiFactory host, string peer, string? forwardedFor)
    {
        using var client = new ApiClient(host.CreateClient());
        var email = $"user-{Guid.NewGuid():N}@example.com";
        (await client.PostAsync("/api/v1/auth/register", new { email, password = Password, full_name = "Proxy Test" })).EnsureStatus(HttpStatusCode.Created);
        var tokens = (await LoginAsync(client, email, Password, peer, forwardedFor)).EnsureStatus(HttpStatusCode.OK).Body!;
        client.UseTokens(tokens["access_token"]!.GetValue<string>(), tokens["refresh_token"]!.GetValue<string>());
        var rows = (await client.GetAsync("/api/v1/audit-logs")).EnsureStatus(HttpStatusCode.OK).Array;
        var login = rows.First(r => r!["action"]!.GetValue<string>() == "Login")!;
        return login["ip_address"]?.GetValue<string>();
    }

    [Theory]
    [InlineData("127.0.0.1", "203.0.113.7", "203.0.113.7")]               // a proxy on the same host: trusted
    [InlineData("127.0.0.1", "198.51.100.1, 203.0.113.7", "203.0.113.7")] // only the proxy's own hop counts
    [InlineData("198.51.100.9", "203.0.113.7", "198.51.100.9")]           // anyone else: the header is ignored
    public async Task Login_RecordsTheClientsAddress_OnlyWhenForwardedByATrustedProxy(string peer, string forwardedFor, string expected)
    {
        await using var host = Host();

        Assert.Equal(expected, await LastLoginAddressAsync(host, peer, forwardedFor));
    }

    [Fact]
    public async Task Login_ThroughAConfiguredProxy_RecordsTheClientsAddress()
    {
        await using var host = Host(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5" });

        Assert.Equal("203.0.113.7", await LastLoginAddressAsync(host, "10.0.0.5", "203.0.113.7"));
        Assert.Equal("10.0.0.6", await LastLoginAddressAsync(host, "10.0.0.6", "203.0.113.7"));
    }

    [Fact]
    public async Task PerIpSignInLimit_BehindAProxy_CountsEachClientSeparately()
    {
        await using var host = Host();
        using var client = new ApiClient(host.CreateClient());
        var email = $"user-{Guid.NewGuid():N}@example.com";
        (await client.PostAsync("/api/v1/auth/register", new { email, password = Password, full_name = "Proxy Test" })).EnsureStatus(HttpStatusCode.Created);

        // 20 failures (unknown emails, so no per-email limit) from one client behind the proxy…
        for (var i = 0; i < 20; i++)
        {
            (await LoginAsync(client, $"nobody-{i}-{Guid.NewGuid():N}@example.com", Password, "127.0.0.1", "203.0.113.7"))
                .EnsureProblem(HttpStatusCode.Unauthorized);
        }

        // …lock that client out, and nobody else behind the same proxy.
        (await LoginAsync(client, email, Password, "127.0.0.1", "203.0.113.7")).EnsureProblem(HttpStatusCode.TooManyRequests);
        (await LoginAsync(client, email, Password, "127.0.0.1", "203.0.113.8")).EnsureStatus(HttpStatusCode.OK);
    }

    [Fact]
    public void Start_WithAKnownProxyThatIsNotAnAddress_FailsNamingTheSetting()
    {
        using var host = Host(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "proxy.internal" });

        var error = Assert.ThrowsAny<Exception>(() => host.Server);

        Assert.Contains("ForwardedHeaders:KnownProxies:0", error.ToString(), StringComparison.Ordinal);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class TrustedProxyTestsOnSqlite(SqliteApiFixture fixture) : TrustedProxyTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class TrustedProxyTestsOnPostgres(PostgresApiFixture fixture) : TrustedProxyTests(fixture);
