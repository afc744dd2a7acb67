using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Platform;

/// <summary>
/// Per-caller budgets: over its budget a caller gets 429 with Retry-After as a problem; another user, or another address on
/// an anonymous route, is untouched. Each test runs a host of its own with the limits on and small.
/// </summary>
public abstract class RateLimitTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Password = "Correct-Horse-42";

    private static readonly object Order = new { symbol = "AAPL", side = "buy", qty = 1m, type = "market", time_in_force = "day" };

    [Fact]
    public async Task Orders_BeyondAUsersBudget_Answer429WithRetryAfterAndLeaveAnotherUserAlone()
    {
        await using var host = Host(("RateLimits:Orders:PermitLimit", "2"), ("RateLimits:Orders:Window", "00:01:00"));
        using var greedy = new ApiClient(host.CreateClient());
        await greedy.SignInAsNewUserAsync($"greedy-{Guid.NewGuid():N}@example.com", Password);
        using var other = new ApiClient(host.CreateClient());
        await other.SignInAsNewUserAsync($"other-{Guid.NewGuid():N}@example.com", Password);

        var withinBudget = new[] { await greedy.PostAsync("/api/v1/orders", Order), await greedy.PostAsync("/api/v1/orders", Order) };
        var beyond = await greedy.PostAsync("/api/v1/orders", Order);
        var otherUser = await other.PostAsync("/api/v1/orders", Order);

        Assert.All(withinBudget, r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.Status));
        beyond.EnsureProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal("rate_limited", beyond.Body!["code"]!.GetValue<string>());
        Assert.InRange(beyond.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherUser.Status);
    }

    [Fact]
    public async Task Register_BeyondAnAddresssBudget_Answers429ForThatAddressOnly()
    {
        await using var host = Host(("RateLimits:Register:PermitLimit", "2"));
        using var client = new ApiClient(host.CreateClient());

        var statuses = new List<HttpStatusCode>();
        foreach (var peer in (string[])["203.0.113.5", "203.0.113.5", "203.0.113.5", "203.0.113.6"])
        {
            statuses.Add((await RegisterAsync(client, peer)).Status);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.Created], statuses);
        Assert.Equal(3, await Fixture.CountAsync("SELECT COUNT(*) FROM users"));
    }

    [Theory]
    [InlineData("/api/v1/auth/login", "Login")]
    [InlineData("/api/v1/auth/mfa/verify", "Login")]
    [InlineData("/api/v1/auth/refresh", "Refresh")]
    public async Task SignInAndRefresh_BeyondAnAddresssBudget_Answer429ForThatAddressOnly(string path, string policy)
    {
        await using var host = Host(($"RateLimits:{policy}:PermitLimit", "2"));
        using var client = new ApiClient(host.CreateClient());
        object body = new { email = "nobody@example.com", password = "Wrong-Horse-42", refresh_token = "not-a-token", challenge_token = "x", code = "123456" };

        var statuses = new List<HttpStatusCode>();
        foreach (var peer in (string[])["203.0.113.5", "203.0.113.5", "203.0.113.5", "203.0.113.6"])
        {
            statuses.Add((await client.PostFromAsync(peer, path, body)).Status);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.Unauthorized], statuses);
    }

    [Theory]
    [InlineData("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy", "GET")]
    [InlineData("/api/v1/risk-rules/portfolio-risk", "GET")]
    [InlineData("/api/v1/risk-rules/test", "POST")]
    [InlineData("/api/v1/risk-rules/calculate-position-size", "POST")]
    [InlineData("/api/v1/notifications/test", "POST")]
    [InlineData("/api/v1/auth/resend-verification", "POST")]
    public async Task BrokerAndEmailReachingRoutes_BeyondTheirBudget_Answer429(string path, string method)
    {
        await using var host = Host(
            ("RateLimits:RiskChecks:PermitLimit", "1"), ("RateLimits:TestNotifications:PermitLimit", "1"), ("RateLimits:VerificationEmails:PermitLimit", "1"));
        using var client = new ApiClient(host.CreateClient());
        await client.SignInAsNewUserAsync($"user-{Guid.NewGuid():N}@example.com", Password);

        var first = await SendAsync(client, method, path);
        var second = await SendAsync(client, method, path);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.Status);
        second.EnsureProblem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Orders_WhenRateLimitsAreOff_AreNeverLimited()
    {
        await using var host = Host(("RateLimits:Enabled", "false"), ("RateLimits:Orders:PermitLimit", "1"));
        using var client = new ApiClient(host.CreateClient());
        await client.SignInAsNewUserAsync($"user-{Guid.NewGuid():N}@example.com", Password);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsync("/api/v1/orders", Order)).Status);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
    }

    private RiskPlatformApiFactory Host(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["RateLimits:Enabled"] = "true" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return Fixture.CreateHostWithPeerAddresses(all);
    }

    private static Task<ApiResponse> RegisterAsync(ApiClient client, string peer) =>
        client.PostFromAsync(peer, "/api/v1/auth/register", new { email = $"u-{Guid.NewGuid():N}@example.com", password = Password, full_name = "U" });

    private static Task<ApiResponse> SendAsync(ApiClient client, string method, string path) => method == "GET"
        ? client.GetAsync(path)
        : client.PostAsync(path, new { symbol = "AAPL", order_qty = 1m, entry_price = 100m, stop_loss = 95m, channel = "in_app" });
}

[Collection(nameof(SqliteCollection))]
public sealed class RateLimitTestsOnSqlite(SqliteApiFixture fixture) : RateLimitTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class RateLimitTestsOnPostgres(PostgresApiFixture fixture) : RateLimitTests(fixture);
