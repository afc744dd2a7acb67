using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Portfolio;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Infrastructure.Actors;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Actors;

/// <summary>
/// The monitor in a cluster of two nodes with Redis membership: a quote published on one node is acted on by the actors of the
/// accounts it moves, wherever they live, once; when a node leaves, its accounts continue on the other from the database.
/// </summary>
[Collection(nameof(PostgresTradingCollection))]
public sealed class ClusterMonitorTests(PostgresApiFixture fixture) : FunctionalTest(fixture)
{
    private static object Buy(decimal qty) => new { symbol = "AAPL", side = "buy", qty, type = "market", time_in_force = "day" };

    private static object CloseAllOnDrawdown => new
    {
        name = "close everything at 10 % drawdown",
        rule_type = "max_drawdown",
        threshold_value = 10m,
        threshold_unit = "percent",
        action = "close_all",
    };

    [Fact]
    public async Task QuoteOnOneNode_LiquidatesAccountsWhoseActorsLiveOnTheOtherOnce_AndWhenThatNodeLeavesTheyContinueOnTheFirst()
    {
        if (RedisTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        await using var redis = await RedisTestServer.StartAsync();
        var clusterId = $"monitor-{Guid.NewGuid():N}";
        await using var publisher = ClusterNodes.NodePlacingLocally(Fixture, ClusterNodes.WithRedis(clusterId, redis));
        var other = ClusterNodes.NodePlacingLocally(Fixture, ClusterNodes.WithRedis(clusterId, redis));
        await using var otherLifetime = other;
        var grains = publisher.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        using var feed = new ApiClient(publisher.CreateClient());
        await feed.SignInAsNewAdminAsync(publisher.Services, RiskPlatformApiFactory.MarketFeedEmail, "Correct-Horse-42");
        _ = other.Services; // starts the other node
        await Eventually.ReturnsAsync(() => management.GetHosts(onlyActive: true), hosts => hosts.Count == 2, TimeSpan.FromSeconds(30), "both nodes join");
        (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 100m })).EnsureStatus(HttpStatusCode.OK);

        // Two traders who use the other node only, so their accounts' actors live there, and one who uses the first node.
        var traders = new List<ApiClient>();
        var onOther = new List<ApiClient>();
        try
        {
            foreach (var node in new[] { other, other, publisher })
            {
                var trader = new ApiClient(node.CreateClient());
                traders.Add(trader);
                await trader.SignInAsNewUserAsync($"user-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
                (await trader.PostAsync("/api/v1/risk-rules", CloseAllOnDrawdown)).EnsureStatus(HttpStatusCode.Created);
                (await trader.PostAsync("/api/v1/orders", Buy(200m))).EnsureStatus(HttpStatusCode.Created);
                var expected = node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
                Assert.Equal(expected, await management.GetActivationAddress(grains.GetGrain<IAccountGrain>(trader.UserId), cancellationToken));
                if (node == other)
                {
                    onOther.Add(trader);
                }
            }

            // The drop, published on the first node, moves every account 12 % below its high-water mark.
            (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 40m })).EnsureStatus(HttpStatusCode.OK);
            foreach (var trader in traders)
            {
                await Eventually.ReturnsAsync(
                    () => MonitorTestData.ActionsAsync(Fixture, trader.UserId),
                    actions => actions.Count > 0 && actions.All(a => a.Status == MonitorActionStatus.Done),
                    TimeSpan.FromSeconds(60),
                    "the account's monitor actions done");
            }

            await AssertLiquidatedOnceAsync(traders);

            // The other node leaves. Its accounts' actors start again on the first one, from the database: still halted by the
            // episode, and a further drop in the same episode sends nothing more.
            await other.DisposeAsync();
            await Eventually.ReturnsAsync(() => management.GetHosts(onlyActive: true), hosts => hosts.Count == 1, TimeSpan.FromSeconds(60), "the other node leaves");
            (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 35m })).EnsureStatus(HttpStatusCode.OK);
            foreach (var trader in onOther)
            {
                using var viaPublisher = new ApiClient(publisher.CreateClient());
                viaPublisher.UseTokens(trader.AccessToken!, trader.RefreshToken!);
                var refused = (await viaPublisher.PostAsync("/api/v1/orders", Buy(1m))).EnsureProblem(HttpStatusCode.UnprocessableEntity);
                Assert.Equal("TRADING_HALTED", refused.Body!["code"]!.GetValue<string>());
                Assert.Equal(publisher.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress,
                    await management.GetActivationAddress(grains.GetGrain<IAccountGrain>(trader.UserId), cancellationToken));
            }

            await AssertLiquidatedOnceAsync(traders);
        }
        finally
        {
            foreach (var trader in traders)
            {
                trader.Dispose();
            }
        }
    }

    /// <summary>Each account sold its 200 shares in exactly one monitor order, filled, and is flat.</summary>
    private async Task AssertLiquidatedOnceAsync(IEnumerable<ApiClient> traders)
    {
        foreach (var trader in traders)
        {
            var liquidations = (await TradingTestData.PaperAccountAsync(Fixture, trader.UserId))!;
            Assert.Equal(0m, liquidations.Positions.Sum(p => p.Quantity));
            Assert.Equal(1, await Fixture.CountAsync(
                $"SELECT COUNT(*) FROM orders WHERE user_id = '{trader.UserId}' AND client_order_id LIKE '{BreachEpisode.ClientOrderIdPrefix}%' AND lower(status) = 'filled'"));
            Assert.Equal(1, await Fixture.CountAsync(
                $"SELECT COUNT(*) FROM orders WHERE user_id = '{trader.UserId}' AND client_order_id LIKE '{BreachEpisode.ClientOrderIdPrefix}%'"));
        }
    }
}
