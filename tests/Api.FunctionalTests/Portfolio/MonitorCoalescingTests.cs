using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

/// <summary>
/// What the monitor costs an account that trades: a burst of fills is evaluated once (<c>Monitoring:FillCoalescing</c>), a
/// quiet evaluation writes no audit row, and equity points are sampled (<c>Monitoring:EquityPointInterval</c>). The other
/// tests run with both at zero; here a host of its own has them on, with a window wide enough for a loaded machine.
/// </summary>
public abstract class MonitorCoalescingTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Monitoring:FillCoalescing"] = "00:00:03",
        ["Monitoring:EquityPointInterval"] = "01:00:00",
    };

    [Fact]
    public async Task ABurstOfFills_IsEvaluatedOnce_WritesNoMonitorAuditRow_AndOneEquityPoint()
    {
        await using var host = new CountingHost(Fixture);
        using var client = await host.SignedInAsync();
        await PriceAsync("AAPL", 100m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxLeverage, 50m, ThresholdUnit.Ratio, RiskAction.Alert);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostAsync("/api/v1/orders", BuyOne)));
        await host.Queue.WhenIdleAsync(TestContext.Current.CancellationToken);

        Assert.All(responses, r => r.EnsureStatus(HttpStatusCode.Created));
        Assert.Equal(1, host.EvaluationsOf(client.UserId));
        Assert.Equal(0, await Fixture.CountAsync($"SELECT COUNT(*) FROM audit_logs WHERE action = 'RunPortfolioMonitor' AND user_id = {Fixture.Literal(client.UserId)}"));
        Assert.Equal(1, await Fixture.CountAsync($"SELECT COUNT(*) FROM equity_snapshots WHERE user_id = {Fixture.Literal(client.UserId)}"));
    }

    [Fact]
    public async Task AnEvaluationThatOpensAnEpisode_IsStillAudited()
    {
        await using var host = new CountingHost(Fixture);
        using var client = await host.SignedInAsync();
        await PriceAsync("AAPL", 100m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 2m, ThresholdUnit.Shares, RiskAction.Alert);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync("/api/v1/orders", BuyOne)));
        await host.Queue.WhenIdleAsync(TestContext.Current.CancellationToken);

        Assert.All(responses, r => r.EnsureStatus(HttpStatusCode.Created));
        Assert.Equal(1, host.EvaluationsOf(client.UserId));
        Assert.Equal(1, await Fixture.CountAsync($"SELECT COUNT(*) FROM breach_episodes WHERE user_id = {Fixture.Literal(client.UserId)} AND ended_at IS NULL"));
        Assert.Equal(1, await Fixture.CountAsync(
            $"SELECT COUNT(*) FROM audit_logs WHERE action = 'RunPortfolioMonitor' AND user_id = {Fixture.Literal(client.UserId)} AND outcome = 'succeeded'"));
    }

    [Fact]
    public async Task AQuoteThatMovesNoStoredFigure_IsEvaluatedWithoutWritingARow_AndANewHighIsStored()
    {
        await using var host = new CountingHost(Fixture);
        using var client = await host.SignedInAsync();
        using var feed = await host.MarketFeedAsync();
        await PriceAsync(feed, "AAPL", 100m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxLeverage, 50m, ThresholdUnit.Ratio, RiskAction.Alert);
        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 100m, type = "market" })).EnsureStatus(HttpStatusCode.Created);
        await host.Queue.WhenIdleAsync(TestContext.Current.CancellationToken);
        await PriceAsync(feed, "AAPL", 90m);
        await host.Queue.WhenIdleAsync(TestContext.Current.CancellationToken);
        var deepest = (await PortfolioTestData.StateAsync(Fixture, client.UserId))!;
        var rowsBefore = await RowsOfAsync(client.UserId);
        var evaluationsBefore = host.EvaluationsOf(client.UserId);

        // Back up, but not to a new high: the drawdown is shallower than the deepest seen, nothing stored moves.
        await PriceAsync(feed, "AAPL", 95m);
        await host.Queue.WhenIdleAsync(TestContext.Current.CancellationToken);

        Assert.Equal(evaluationsBefore + 1, host.EvaluationsOf(client.UserId));
        var quiet = (await PortfolioTestData.StateAsync(Fixture, client.UserId))!;
        Assert.Equal(deepest.LastEquity, quiet.LastEquity);
        Assert.Equal(deepest.UpdatedAt, quiet.UpdatedAt);
        Assert.Equal(rowsBefore, await RowsOfAsync(client.UserId));

        // A new high-water mark is a stored figure: the run stores it.
        await PriceAsync(feed, "AAPL", 120m);
        await host.Queue.WhenIdleAsync(TestContext.Current.CancellationToken);

        var high = (await PortfolioTestData.StateAsync(Fixture, client.UserId))!;
        Assert.True(high.HighWaterMark > deepest.HighWaterMark);
        Assert.Equal(high.HighWaterMark, high.LastEquity);
    }

    private async Task<string> RowsOfAsync(Guid userId)
    {
        var user = Fixture.Literal(userId);
        return string.Join(", ", await Task.WhenAll(
            Fixture.CountAsync($"SELECT COUNT(*) FROM audit_logs WHERE user_id = {user}"),
            Fixture.CountAsync($"SELECT COUNT(*) FROM equity_snapshots WHERE user_id = {user}"),
            Fixture.CountAsync($"SELECT COUNT(*) FROM breach_episodes WHERE user_id = {user}"),
            Fixture.CountAsync($"SELECT COUNT(*) FROM risk_breaches WHERE user_id = {user}")));
    }

    private static object BuyOne => new { symbol = "AAPL", side = "buy", qty = 1m, type = "market" };

    private async Task PriceAsync(string symbol, decimal price) => await PriceAsync(await MarketFeedAsync(), symbol, price);

    private static async Task PriceAsync(ApiClient feed, string symbol, decimal price) =>
        (await feed.PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);

    /// <summary>
    /// A host on the fixture's database with the production monitor settings, counting the monitor's evaluations per user: the
    /// worker's (a fill's) and the actor's own screens after quotes.
    /// </summary>
    private sealed class CountingHost : IAsyncDisposable
    {
        private readonly RiskPlatformApiFactory _factory;
        private readonly ConcurrentDictionary<Guid, int> _evaluations = new();

        public CountingHost(ApiFixture fixture)
        {
            _factory = new RiskPlatformApiFactory(
                fixture.Provider, fixture.ConnectionString, fixture.Logs,
                services => services.AddSingleton<IMonitorQueue>(provider => new CountingQueue(
                    new MonitorQueue(provider.GetRequiredService<IOptions<MonitoringOptions>>()), _evaluations)),
                Settings);
        }

        public IMonitorQueue Queue => _factory.Services.GetRequiredService<IMonitorQueue>();

        public int EvaluationsOf(Guid userId) => _evaluations.GetValueOrDefault(userId);

        public async Task<ApiClient> SignedInAsync()
        {
            var client = new ApiClient(_factory.CreateClient());
            await client.SignInAsNewUserAsync($"user-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
            return client;
        }

        /// <summary>A market-data feed (an admin) of this host, so its quotes queue this host's monitor.</summary>
        public async Task<ApiClient> MarketFeedAsync()
        {
            var feed = new ApiClient(_factory.CreateClient());
            await feed.SignInAsNewAdminAsync(_factory.Services, $"feed-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
            return feed;
        }

        public ValueTask DisposeAsync() => _factory.DisposeAsync();
    }

    private sealed class CountingQueue(MonitorQueue inner, ConcurrentDictionary<Guid, int> evaluations) : IMonitorQueue
    {
        public int Count => inner.Count;

        public bool Enqueue(Guid userId) => inner.Enqueue(userId);

        public bool EnqueueAfter(Guid userId, TimeSpan delay) => inner.EnqueueAfter(userId, delay);

        public async ValueTask<Guid> DequeueAsync(CancellationToken cancellationToken)
        {
            var userId = await inner.DequeueAsync(cancellationToken);
            evaluations.AddOrUpdate(userId, 1, (_, n) => n + 1);
            return userId;
        }

        public void BeginScreen(Guid userId)
        {
            evaluations.AddOrUpdate(userId, 1, (_, n) => n + 1);
            inner.BeginScreen(userId);
        }

        public void EndScreen(Guid userId) => inner.EndScreen(userId);

        public void Complete(Guid userId) => inner.Complete(userId);

        public Task WhenIdleAsync(CancellationToken cancellationToken = default) => inner.WhenIdleAsync(cancellationToken);
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class MonitorCoalescingTestsOnSqlite(SqliteApiFixture fixture) : MonitorCoalescingTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class MonitorCoalescingTestsOnPostgres(PostgresApiFixture fixture) : MonitorCoalescingTests(fixture);
