using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Core.Internal;
using Orleans.Runtime;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Portfolio;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Infrastructure.Actors;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Actors;

/// <summary>One writer per account: orders of one user, however many arrive at once and at whichever node, are judged one at a time.</summary>
public abstract class AccountActorTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    internal const int Racers = 60;
    internal const decimal SharesEach = 5m;
    internal const decimal ShareLimit = 100m;

    internal static object Buy(decimal qty) => new { symbol = "AAPL", side = "buy", qty, type = "market", time_in_force = "day" };

    internal static object BlockAbove100Shares => new
    {
        name = "at most 100 shares",
        rule_type = "max_position_size",
        threshold_value = ShareLimit,
        threshold_unit = "shares",
        action = "block",
    };

    internal static string Statuses(IEnumerable<ApiResponse> responses) =>
        string.Join(", ", responses.GroupBy(r => r.Status).Select(g => $"{g.Key}: {g.Count()} ({g.First().Body?["code"]})"));

    [Fact]
    public async Task PlaceOrder_60ConcurrentBuysOf5AgainstA100ShareBlock_AcceptsExactly20()
    {
        var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/risk-rules", BlockAbove100Shares)).EnsureStatus(HttpStatusCode.Created);

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => client.PostAsync("/api/v1/orders", Buy(SharesEach))));

        Assert.True(responses.Count(r => r.Status == HttpStatusCode.Created) == 20, Statuses(responses));
        Assert.Equal(40, responses.Count(r => r.Status == HttpStatusCode.UnprocessableEntity));
        var account = (await TradingTestData.PaperAccountAsync(Fixture, client.UserId))!;
        Assert.Equal(ShareLimit, Assert.Single(account.Positions).Quantity);
        Assert.Equal(20, (await client.GetAsync("/api/v1/orders?limit=200")).EnsureStatus(HttpStatusCode.OK).Array!.Count);
    }

    [Fact]
    public async Task PlaceOrder_WhileTheAccountsActorIsDeactivatedAgainAndAgain_LosesNoOrderAndSendsNoneTwice()
    {
        var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/risk-rules", BlockAbove100Shares)).EnsureStatus(HttpStatusCode.Created);
        var actor = Fixture.Factory.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IAccountGrain>(client.UserId).Cast<IGrainManagementExtension>();
        var responses = new List<ApiResponse>();
        for (var wave = 0; wave < 6; wave++)
        {
            var orders = Enumerable.Range(0, Racers / 6).Select(_ => client.PostAsync("/api/v1/orders", Buy(SharesEach))).ToList();
            // Queued behind some of this wave's orders: the activation ends between two of them, and the rest meet a new one.
            await actor.DeactivateOnIdle(TestContext.Current.CancellationToken);
            responses.AddRange(await Task.WhenAll(orders));
        }

        // Every activation reloads the account from the database: the limit still holds across them, every 201 is a stored
        // order, and each stored order reached the (paper) broker exactly once.
        Assert.True(responses.Count(r => r.Status == HttpStatusCode.Created) == 20, Statuses(responses));
        Assert.Equal(40, responses.Count(r => r.Status == HttpStatusCode.UnprocessableEntity));
        var stored = (await client.GetAsync("/api/v1/orders?limit=200")).EnsureStatus(HttpStatusCode.OK).Array!;
        Assert.Equal(
            responses.Where(r => r.Status == HttpStatusCode.Created).Select(r => r.Body!["id"]!.GetValue<Guid>()).Order(),
            stored.Select(o => o!["id"]!.GetValue<Guid>()).Order());
        Assert.Equal(20, await TradingTestData.PaperOrderCountAsync(Fixture));
        Assert.Equal(ShareLimit, Assert.Single((await TradingTestData.PaperAccountAsync(Fixture, client.UserId))!.Positions).Quantity);
    }

    [Fact]
    public async Task RiskReads_OfAnAccountWithPositionsRulesAndState_WriteNoRow()
    {
        var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/risk-rules", BlockAbove100Shares)).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/orders", Buy(SharesEach))).EnsureStatus(HttpStatusCode.Created);
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 12m })).EnsureStatus(HttpStatusCode.OK);
        // The real-time worker records the websocket deliveries of the order's notifications in the background: let it finish.
        await Eventually.ReturnsAsync(
            () => Fixture.CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE channel = 'Websocket' AND status = 'Pending'"),
            pending => pending == 0,
            TimeSpan.FromSeconds(10),
            "the websocket deliveries recorded");
        var before = await RowCountsAsync(client.UserId);

        (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy")).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/risk-rules/test", new { symbol = "AAPL", order_qty = 500m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/risk-rules/calculate-position-size", new { symbol = "AAPL", entry_price = 12m, stop_loss = 11m }))
            .EnsureStatus(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK);

        Assert.Equal(before, await RowCountsAsync(client.UserId));
    }

    /// <summary>The row count of every table a risk read could write, and the version of the user's portfolio state.</summary>
    private async Task<string> RowCountsAsync(Guid userId)
    {
        string[] tables = ["audit_logs", "portfolio_states", "equity_snapshots", "paper_accounts", "paper_orders", "orders", "risk_breaches", "notifications"];
        var counts = new List<string>();
        foreach (var table in tables)
        {
            counts.Add($"{table}={await Fixture.CountAsync($"SELECT COUNT(*) FROM {table}")}");
        }

        counts.Add($"state={(await PortfolioTestData.StateAsync(Fixture, userId))?.ConcurrencyStamp}");
        return string.Join(", ", counts);
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class AccountActorTestsOnSqlite(SqliteApiFixture fixture) : AccountActorTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class AccountActorTestsOnPostgres(PostgresApiFixture fixture) : AccountActorTests(fixture)
{
    [Fact]
    public async Task PlaceOrder_SplitAcrossTwoLocalhostNodes_OneActorJudgesThemAllAndAcceptsExactly20()
    {
        var clusterId = $"pair-{Guid.NewGuid():N}";
        var primarySiloPort = FreeTcpPorts.Next();
        await using var first = Node(ClusterNodes.Settings(clusterId, primarySiloPort, primary: null));
        await using var second = Node(ClusterNodes.Settings(clusterId, FreeTcpPorts.Next(), primary: $"127.0.0.1:{primarySiloPort}"));
        await OneActorJudgesOrdersSplitAcrossAsync(first, second);
    }

    [Fact]
    public async Task PlaceOrder_SplitAcrossTwoNodesWithRedisMembership_OneActorJudgesThemAllAndAcceptsExactly20()
    {
        if (RedisTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var redis = await RedisTestServer.StartAsync();
        var clusterId = $"redis-{Guid.NewGuid():N}";
        await using var first = Node(ClusterNodes.WithRedis(clusterId, redis));
        await using var second = Node(ClusterNodes.WithRedis(clusterId, redis));
        await OneActorJudgesOrdersSplitAcrossAsync(first, second);
    }

    [Fact]
    public async Task PlaceOrder_SplitAcrossTwoNodesWithAdoNetMembership_OneActorJudgesThemAllAndAcceptsExactly20()
    {
        // Membership in the service's own PostgreSQL database: the nodes create Orleans' tables themselves (AdoNetClusteringSchema).
        var clusterId = $"adonet-{Guid.NewGuid():N}";
        static Dictionary<string, string?> WithAdoNet(Dictionary<string, string?> settings)
        {
            settings["Orleans:Clustering"] = "AdoNet";
            settings["Orleans:AdvertisedIPAddress"] = "127.0.0.1";
            return settings;
        }

        await using var first = Node(WithAdoNet(ClusterNodes.Settings(clusterId, FreeTcpPorts.Next(), primary: null)));
        await using var second = Node(WithAdoNet(ClusterNodes.Settings(clusterId, FreeTcpPorts.Next(), primary: null)));
        await OneActorJudgesOrdersSplitAcrossAsync(first, second);
        Assert.Equal(2, await Fixture.CountAsync(
            $"SELECT COUNT(*) FROM orleansmembershiptable WHERE deploymentid = '{clusterId}' AND status = 3"));
    }

    /// <summary>60 concurrent buys of one user, alternating between the two nodes, against a 100-share block.</summary>
    private async Task OneActorJudgesOrdersSplitAcrossAsync(RiskPlatformApiFactory first, RiskPlatformApiFactory second)
    {
        using var viaFirst = new ApiClient(first.CreateClient());
        using var viaSecond = new ApiClient(second.CreateClient());
        using var feed = new ApiClient(first.CreateClient());
        await feed.SignInAsNewAdminAsync(first.Services, RiskPlatformApiFactory.MarketFeedEmail, "Correct-Horse-42");
        await viaFirst.SignInAsNewUserAsync($"user-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
        viaSecond.UseTokens(viaFirst.AccessToken!, viaFirst.RefreshToken!);
        var management = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        await Eventually.ReturnsAsync(() => management.GetHosts(onlyActive: true), hosts => hosts.Count == 2, TimeSpan.FromSeconds(30), "both nodes join");

        (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        (await viaSecond.PostAsync("/api/v1/risk-rules", BlockAbove100Shares)).EnsureStatus(HttpStatusCode.Created);
        var responses = await Task.WhenAll(Enumerable.Range(0, Racers)
            .Select(i => (i % 2 == 0 ? viaFirst : viaSecond).PostAsync("/api/v1/orders", Buy(SharesEach))));

        Assert.True(responses.Count(r => r.Status == HttpStatusCode.Created) == 20, Statuses(responses));
        Assert.Equal(40, responses.Count(r => r.Status == HttpStatusCode.UnprocessableEntity));
        var account = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(viaFirst.UserId);
        Assert.Equal(1, await management.GetGrainActivationCount((GrainReference)account, TestContext.Current.CancellationToken));
        var position = (await TradingTestData.PaperAccountAsync(Fixture, viaFirst.UserId))!;
        Assert.Equal(ShareLimit, Assert.Single(position.Positions).Quantity);
    }

    private RiskPlatformApiFactory Node(Dictionary<string, string?> settings) => ClusterNodes.Node(Fixture, settings);
}
