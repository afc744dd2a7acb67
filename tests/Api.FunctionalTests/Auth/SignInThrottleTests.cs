using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Auth;

/// <summary>
/// Failed sign-ins lock (email, address) pairs, not accounts: a stranger elsewhere cannot keep an owner out, and parallel
/// guesses from one address cannot pass the cap of five checked passwords.
/// </summary>
public abstract class SignInThrottleTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Password = "Correct-Horse-42";

    [Fact]
    public async Task Login_WhenAStrangerElsewhereFailedFiveTimes_LocksTheStrangerButNotTheOwner()
    {
        await using var host = Fixture.CreateHostWithPeerAddresses();
        using var client = new ApiClient(host.CreateClient());
        await client.RegisterAsync("owner@example.com", Password);

        for (var i = 0; i < 5; i++)
        {
            (await LoginAsync(client, "Wrong-Horse-42", "203.0.113.9")).EnsureProblem(HttpStatusCode.Unauthorized);
        }

        (await LoginAsync(client, Password, "203.0.113.9")).EnsureProblem(HttpStatusCode.TooManyRequests);
        (await LoginAsync(client, Password, "198.51.100.7")).EnsureStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_WithTwelveParallelWrongPasswords_ChecksNoMoreThanFive()
    {
        await Anonymous().RegisterAsync("target@example.com", Password);
        var clients = Enumerable.Range(0, 12).Select(_ => Anonymous()).ToList();

        var responses = await Task.WhenAll(clients.Select(
            c => c.PostAsync("/api/v1/auth/login", new { email = "target@example.com", password = "Wrong-Horse-42" })));

        Assert.Equal(5, responses.Count(r => r.Status == HttpStatusCode.Unauthorized));
        Assert.Equal(7, responses.Count(r => r.Status == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, await Fixture.CountAsync("SELECT COUNT(*) FROM login_attempts"));
        clients.ForEach(c => c.Dispose());
    }

    private static Task<ApiResponse> LoginAsync(ApiClient client, string password, string peer) =>
        client.PostFromAsync(peer, "/api/v1/auth/login", new { email = "owner@example.com", password });
}

[Collection(nameof(SqliteCollection))]
public sealed class SignInThrottleTestsOnSqlite(SqliteApiFixture fixture) : SignInThrottleTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class SignInThrottleTestsOnPostgres(PostgresApiFixture fixture) : SignInThrottleTests(fixture);
