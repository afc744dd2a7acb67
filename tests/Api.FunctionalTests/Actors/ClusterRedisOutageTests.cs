using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Actors;

/// <summary>
/// A cluster whose membership lives in Redis keeps serving while Redis is down (its membership frozen as it was), says so on
/// <c>/health/ready</c>, and is whole again when Redis returns. Two nodes on the fixture's PostgreSQL database and a real
/// redis-server that the test kills and starts again on the same port and data: a Redis that keeps a cluster's membership
/// must keep its data (one that comes back empty has lost the membership table, and the nodes must be restarted).
/// </summary>
[Collection(nameof(PostgresTradingCollection))]
public sealed class ClusterRedisOutageTests(PostgresApiFixture fixture) : FunctionalTest(fixture)
{
    /// <summary>Far above an order on a healthy cluster, far below a membership or connection timeout.</summary>
    private static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(5);

    /// <summary>The active silos in the node's own view of the membership (no read of the membership table).</summary>
    private static int ActiveMembers(RiskPlatformApiFactory node) =>
        node.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);

    private static object Buy(decimal qty) => new { symbol = "AAPL", side = "buy", qty, type = "market", time_in_force = "day" };

    [Fact]
    public async Task Orders_OnBothNodesWhileRedisMembershipIsDown_AreJudgedAsUsual_ReadyIsDegraded_AndTheClusterIsWholeWhenRedisReturns()
    {
        if (RedisTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("rp-redis-").FullName;
        var redis = await RedisTestServer.StartAsync(SmtpTestServer.FreePort(), data);
        var running = redis;
        try
        {
            var clusterId = $"outage-{Guid.NewGuid():N}";
            await using var first = ClusterNodes.Node(Fixture, ClusterNodes.WithRedis(clusterId, redis));
            await using var second = ClusterNodes.Node(Fixture, ClusterNodes.WithRedis(clusterId, redis));
            using var viaFirst = new ApiClient(first.CreateClient());
            using var viaSecond = new ApiClient(second.CreateClient());
            using var feed = new ApiClient(first.CreateClient());
            await feed.SignInAsNewAdminAsync(first.Services, RiskPlatformApiFactory.MarketFeedEmail, "Correct-Horse-42");
            await viaFirst.SignInAsNewUserAsync($"user-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
            viaSecond.UseTokens(viaFirst.AccessToken!, viaFirst.RefreshToken!);
            var management = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            await Eventually.ReturnsAsync(() => management.GetHosts(onlyActive: true), hosts => hosts.Count == 2, TimeSpan.FromSeconds(30), "both nodes join");
            (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
            (await viaSecond.PostAsync("/api/v1/risk-rules", AccountActorTests.BlockAbove100Shares)).EnsureStatus(HttpStatusCode.Created);

            running = null;
            await redis.DisposeAsync();

            foreach (var node in new[] { first, second })
            {
                using var anonymous = new ApiClient(node.CreateClient());
                var ready = await Eventually.ReturnsAsync(
                    () => anonymous.GetAsync("/health/ready"),
                    response => response.Text.StartsWith("Degraded", StringComparison.Ordinal),
                    TimeSpan.FromSeconds(15),
                    "/health/ready degraded while Redis is down");
                Assert.Equal(HttpStatusCode.OK, ready.Status);
            }

            // One account's orders through both nodes, judged by its one actor as before: 20 × 5 shares fill the 100-share
            // limit, the 21st is blocked.
            for (var i = 0; i < 20; i++)
            {
                var placed = await (i % 2 == 0 ? viaFirst : viaSecond).PostAsync("/api/v1/orders", Buy(5m)).WaitAsync(AnswerDeadline, cancellationToken);
                placed.EnsureStatus(HttpStatusCode.Created);
            }

            var blocked = await viaSecond.PostAsync("/api/v1/orders", Buy(5m)).WaitAsync(AnswerDeadline, cancellationToken);
            blocked.EnsureProblem(HttpStatusCode.UnprocessableEntity);
            Assert.All([first, second], node => Assert.Equal(2, ActiveMembers(node)));

            running = await RedisTestServer.StartAsync(redis.Port, data);

            foreach (var node in new[] { first, second })
            {
                using var anonymous = new ApiClient(node.CreateClient());
                await Eventually.ReturnsAsync(
                    async () => (await anonymous.GetAsync("/health/ready")).Text,
                    text => text == "Healthy",
                    TimeSpan.FromSeconds(30),
                    "/health/ready healthy again");
            }

            (await viaFirst.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "sell", qty = 5m, type = "market" })).EnsureStatus(HttpStatusCode.Created);
            Assert.Equal(2, (await management.GetHosts(onlyActive: true, cancellationToken)).Count);
            Assert.All([first, second], node => Assert.Equal(2, ActiveMembers(node)));
        }
        finally
        {
            if (running is not null)
            {
                await running.DisposeAsync();
            }

            Directory.Delete(data, recursive: true);
        }
    }
}
