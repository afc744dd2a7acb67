using System.Collections.Concurrent;
using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Actors;

/// <summary>
/// <c>kill -9</c> of the service while it takes orders: every order it answered 201 is there after a restart, and each was
/// sent to the broker once.
/// </summary>
public abstract class CrashDurabilityTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const int Traders = 8;

    protected abstract string CrashConnectionString { get; }

    /// <summary>Removes what the crashed and restarted service left behind on its database, if anything.</summary>
    protected virtual void DeleteCrashDatabase()
    {
    }

    [Fact]
    public async Task Kill9UnderOrderLoad_EveryAcknowledgedOrderSurvivesTheRestart_SentToTheBrokerOnce()
    {
        try
        {
            await KillAndRestartUnderLoadAsync();
        }
        finally
        {
            DeleteCrashDatabase();
        }
    }

    private async Task KillAndRestartUnderLoadAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var acknowledged = new ConcurrentBag<(ApiClient Trader, string OrderId)>();
        var traders = new List<ApiClient>();
        await using (var service = await ServiceProcess.StartAsync(Fixture.Provider, CrashConnectionString, cancellation))
        {
            using var feed = new ApiClient(new HttpClient { BaseAddress = service.BaseAddress });
            await feed.RegisterAsync(RiskPlatformApiFactory.MarketFeedEmail, "Correct-Horse-42");
            await ServiceProcess.RunCommandLineAsync(
                Fixture.Provider, CrashConnectionString, ["users", "grant-admin", RiskPlatformApiFactory.MarketFeedEmail], cancellation);
            await feed.SignInAsync(RiskPlatformApiFactory.MarketFeedEmail, "Correct-Horse-42");
            (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
            for (var i = 0; i < Traders; i++)
            {
                var trader = new ApiClient(new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) });
                await trader.SignInAsNewUserAsync($"trader-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
                traders.Add(trader);
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var load = traders.Select(trader => Task.Run(
                async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        try
                        {
                            var response = await trader.PostAsync("/api/v1/orders", AccountActorTests.Buy(1m));
                            if (response.Status == HttpStatusCode.Created)
                            {
                                acknowledged.Add((trader, response.Body!["id"]!.GetValue<string>()));
                            }
                        }
                        catch (HttpRequestException)
                        {
                            return; // the service is gone
                        }
                        catch (TaskCanceledException)
                        {
                            return;
                        }
                    }
                },
                cancellation)).ToList();

            await Eventually.ReturnsAsync(() => Task.FromResult(acknowledged.Count), count => count >= 50, TimeSpan.FromSeconds(60), "orders flow");
            await service.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        await using var restarted = await ServiceProcess.StartAsync(Fixture.Provider, CrashConnectionString, cancellation);
        foreach (var trader in traders)
        {
            using var again = new ApiClient(new HttpClient { BaseAddress = restarted.BaseAddress });
            again.UseTokens(trader.AccessToken!, trader.RefreshToken!);
            var stored = (await again.GetAsync("/api/v1/orders?limit=200")).EnsureStatus(HttpStatusCode.OK).Array
                .Select(o => o!["id"]!.GetValue<string>())
                .ToHashSet(StringComparer.Ordinal);
            var mine = acknowledged.Where(a => a.Trader == trader).Select(a => a.OrderId).ToList();
            Assert.All(mine, id => Assert.Contains(id, stored));

            // One broker order per order: the paper account's position is exactly the orders we hold for the trader.
            var risk = (await again.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!;
            Assert.Equal(stored.Count * 10m, risk["total_position_value"]!.GetValue<decimal>());
            trader.Dispose();
        }
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class CrashDurabilityTestsOnSqlite(SqliteApiFixture fixture) : CrashDurabilityTests(fixture)
{
    private readonly string _path = SqliteTestFiles.NewPath("crash");

    protected override string CrashConnectionString => $"Data Source={_path}";

    protected override void DeleteCrashDatabase() => SqliteTestFiles.Delete(_path);
}

[Collection(nameof(PostgresTradingCollection))]
public sealed class CrashDurabilityTestsOnPostgres(PostgresApiFixture fixture) : CrashDurabilityTests(fixture)
{
    protected override string CrashConnectionString => Fixture.ConnectionString;
}
