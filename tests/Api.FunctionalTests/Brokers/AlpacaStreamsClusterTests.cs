using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using RiskPlatform.Api.FunctionalTests.Actors;
using RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Infrastructure.Actors;
using RiskPlatform.TestSupport;
using static RiskPlatform.Api.FunctionalTests.Brokers.AlpacaTrading;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>
/// Alpaca's streams in a cluster of two nodes with Redis membership: both nodes run the streams worker, yet each key's
/// trade-update and market-data streams are open once (its grain's node); when that node leaves, the other opens them.
/// </summary>
[Collection(nameof(PostgresBrokerCollection))]
public sealed class AlpacaStreamsClusterTests(PostgresApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task TwoNodes_OpenAKeysStreamsOnce_AndWhenTheirNodeLeavesTheOtherOpensThem()
    {
        if (RedisTestServer.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        await using var redis = await RedisTestServer.StartAsync();
        await using var alpaca = await FakeAlpacaServer.StartAsync();
        var clusterId = $"streams-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>(AlpacaHost.Settings(alpaca).Concat(AlpacaHost.StreamsOn));
        var first = ClusterNodes.Node(Fixture, ClusterNodes.WithRedis(clusterId, redis, settings));
        await using var firstLifetime = first;
        var second = ClusterNodes.Node(Fixture, ClusterNodes.WithRedis(clusterId, redis, settings));
        await using var secondLifetime = second;
        var management = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        _ = second.Server;
        await Eventually.ReturnsAsync(() => management.GetHosts(onlyActive: true), hosts => hosts.Count == 2, TimeSpan.FromSeconds(30), "both nodes join");
        alpaca.Simulator.SetPosition("AAPL", 10m, 100m);
        using var client = new ApiClient(first.CreateClient());
        await client.SignInAsNewUserAsync($"user-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
        var key = await BindNewKeyAsync(client);

        await Eventually.ReturnsAsync(() => Task.FromResult(alpaca.Stream.Listening), n => n == 1, TimeSpan.FromSeconds(15), "the trade-update stream listens");
        await Eventually.ReturnsAsync(() => Task.FromResult(alpaca.DataStream.Subscribed), s => s.SequenceEqual(["AAPL"]), TimeSpan.FromSeconds(15), "the market-data stream subscribed");
        // Absence takes a while to show: ten polls of each node's worker (0.2 s apart) must open nothing more.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        Assert.Equal((1, 1), (alpaca.Stream.Connections, alpaca.DataStream.Connections));

        // The node running the key's streams leaves; the other node's next poll starts them there.
        var owner = await management.GetActivationAddress(first.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlpacaStreamsGrain>(key.Id), cancellationToken);
        var (leaving, staying) = owner == first.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress ? (first, second) : (second, first);
        await leaving.DisposeAsync();

        await Eventually.ReturnsAsync(
            () => Task.FromResult((alpaca.Stream.Connections, alpaca.Stream.Listening, alpaca.DataStream.Connections, alpaca.DataStream.Authenticated)),
            c => c == (2, 1, 2, 1),
            TimeSpan.FromSeconds(30),
            "the streams opened again on the staying node, once");
        await Eventually.ReturnsAsync(() => Task.FromResult(alpaca.DataStream.Subscribed), s => s.SequenceEqual(["AAPL"]), TimeSpan.FromSeconds(15), "subscribed again");
        var grains = staying.Services.GetRequiredService<IGrainFactory>();
        Assert.Equal(
            staying.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress,
            await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IAlpacaStreamsGrain>(key.Id), cancellationToken));

        alpaca.Simulator.SetQuote("AAPL", 120m, 121m);
        using var viaStaying = new ApiClient(staying.CreateClient());
        viaStaying.UseTokens(client.AccessToken!, client.RefreshToken!);
        await Eventually.ReturnsAsync(
            async () => await viaStaying.GetAsync("/api/v1/market/quotes/AAPL"),
            r => r.Status == HttpStatusCode.OK && r.Body!["mark_price"]!.GetValue<decimal>() == 120.5m,
            TimeSpan.FromSeconds(10),
            "the streamed price became the quote");
    }
}
