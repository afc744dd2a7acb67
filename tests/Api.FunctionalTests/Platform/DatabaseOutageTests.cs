using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Platform;

/// <summary>
/// A database that cannot be reached is a 503 <c>database_unavailable</c> with Retry-After, never a 500, and the service serves
/// again as soon as the database is back. Each test runs its own service on its own database: the outage must not reach
/// the shared fixtures.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reads after the return: the context pool hands contexts out first in, first out, so these meet again the contexts that
    /// served during the cut (a few per host).
    /// </summary>
    private const int ReadsAfterTheReturn = 20;

    [Fact]
    public async Task Orders_WhileThePostgresConnectionIsCut_Are503DatabaseUnavailableAndServeAgainWithin5sOfItsReturn()
    {
        if (PostgresTestDatabase.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var database = await PostgresTestDatabase.CreateAsync("outage");
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = TcpProxy.Start(direct.Host!, direct.Port);
        var proxied = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = IPAddress.Loopback.ToString(), Port = proxy.Port };
        await using var factory = new RiskPlatformApiFactory(DatabaseProvider.PostgreSql, proxied.ConnectionString, new CapturingLogSink());
        using var trader = await SignedInAsync(factory);
        await PublishQuoteAsync(factory, "AAPL", 100m);
        (await PlaceOrderAsync(trader)).EnsureStatus(HttpStatusCode.Created);
        (await trader.GetAsync("/api/v1/orders")).EnsureStatus(HttpStatusCode.OK);
        (await Anonymous(factory).GetAsync("/health/ready")).EnsureStatus(HttpStatusCode.OK);

        // The cut finds statements that have run once on a pooled connection: their next run is the one that prepares them.
        await proxy.CutAsync();

        // The first requests meet the pool's connections reset under them, the later ones a refused connection: all 503.
        for (var i = 0; i < 4; i++)
        {
            AssertDatabaseUnavailable(await PlaceOrderAsync(trader));
        }

        AssertDatabaseUnavailable(await trader.GetAsync("/api/v1/orders"));
        (await Anonymous(factory).GetAsync("/health/ready")).EnsureStatus(HttpStatusCode.ServiceUnavailable);

        proxy.Restore();

        await Eventually.ReturnsAsync(
            async () => (await PlaceOrderAsync(trader)).Status,
            status => status == HttpStatusCode.Created,
            Recovery,
            "an order placed within 5 s of the database's return");
        // Readiness may meet one more pooled connection that the cut left broken: it reports ready again within the same window.
        await Eventually.ReturnsAsync(
            async () => (await Anonymous(factory).GetAsync("/health/ready")).Status,
            status => status == HttpStatusCode.OK,
            Recovery,
            "ready again within 5 s of the database's return");

        // None of the pooled contexts fails a request because of what the cut left on its connection.
        for (var read = 0; read < ReadsAfterTheReturn; read++)
        {
            Assert.Equal(2, (await trader.GetAsync("/api/v1/orders")).EnsureStatus(HttpStatusCode.OK).Array.Count);
        }
    }

    [Fact]
    public async Task Orders_WhileTheSqliteFileIsLockedPastItsTimeout_Are503DatabaseUnavailableAndServeOnceItIsReleased()
    {
        var path = SqliteTestFiles.NewPath("locked");
        try
        {
            // A one-second busy timeout instead of the default thirty keeps the test short; the path is the same.
            await using (var factory = new RiskPlatformApiFactory(DatabaseProvider.Sqlite, $"Data Source={path};Default Timeout=1", new CapturingLogSink()))
            {
                using var trader = await SignedInAsync(factory);
                await PublishQuoteAsync(factory, "AAPL", 100m);
                (await PlaceOrderAsync(trader)).EnsureStatus(HttpStatusCode.Created);

                // Not pooled: closing it must end its transaction and release the lock.
                await using (var locker = new SqliteConnection($"Data Source={path};Pooling=False"))
                {
                    await locker.OpenAsync(TestContext.Current.CancellationToken);
                    await using var exclusive = locker.CreateCommand();
                    exclusive.CommandText = "BEGIN EXCLUSIVE";
                    await exclusive.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

                    // Writers wait for the lock and give up after the busy timeout; readers still read (WAL).
                    AssertDatabaseUnavailable(await PlaceOrderAsync(trader));
                    AssertDatabaseUnavailable(await trader.PostAsync("/api/v1/notifications/test", new { priority = "high" }));
                    (await trader.GetAsync("/api/v1/orders")).EnsureStatus(HttpStatusCode.OK);
                }

                await Eventually.ReturnsAsync(
                    async () => (await PlaceOrderAsync(trader)).Status,
                    status => status == HttpStatusCode.Created,
                    Recovery,
                    "an order placed once the lock is released");
            }
        }
        finally
        {
            SqliteTestFiles.Delete(path);
        }
    }

    private static void AssertDatabaseUnavailable(ApiResponse response)
    {
        response.EnsureProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("database_unavailable", response.Body!["code"]!.GetValue<string>());
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }

    private static ApiClient Anonymous(RiskPlatformApiFactory factory) => new(factory.CreateClient());

    private static async Task<ApiClient> SignedInAsync(RiskPlatformApiFactory factory, string? email = null)
    {
        var client = Anonymous(factory);
        await client.SignInAsNewUserAsync(email ?? $"user-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
        return client;
    }

    private static async Task PublishQuoteAsync(RiskPlatformApiFactory factory, string symbol, decimal price)
    {
        using var feed = Anonymous(factory);
        await feed.SignInAsNewAdminAsync(factory.Services, RiskPlatformApiFactory.MarketFeedEmail, "Correct-Horse-42");
        (await feed.PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);
    }

    private static Task<ApiResponse> PlaceOrderAsync(ApiClient trader) =>
        trader.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 1m });
}
