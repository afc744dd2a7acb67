using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.TestSupport;
using static RiskPlatform.Api.FunctionalTests.Brokers.AlpacaTrading;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>
/// Alpaca's market-data stream (the fake's WebSocket) feeding the service's quotes: a price pushed for a held symbol becomes
/// the quote (no REST read in between; the deadline is generous, as the test machine is shared: the latency is a benchmark
/// figure, not a test) and drives the monitor to liquidate; the subscription follows the symbols held and ordered;
/// unbinding the key closes its streams; refused credentials are retried; a cut connection reconnects and subscribes again; bad payloads, unusable prices and symbols
/// not subscribed are skipped without dropping the stream.
/// </summary>
public abstract class AlpacaMarketDataStreamTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    /// <summary>The streams on, prices stored every 100 ms, the monitor asked for at most every 0.5 s.</summary>
    private static readonly Dictionary<string, string?> Streaming = new(AlpacaHost.StreamsOn)
    {
        ["Brokers:Alpaca:DataStreamBatchMilliseconds"] = "100",
        ["Brokers:Alpaca:DataStreamMonitorIntervalSeconds"] = "0.5",
    };

    [Fact]
    public async Task Price_PushedOnTheStream_BecomesTheQuote_AndDrivesTheMonitorToLiquidate()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, Streaming);
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);
        var (sim, data) = (host.Alpaca.Simulator, host.Alpaca.DataStream);
        sim.SetQuote("AAPL", 100m, 100m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.CloseAll);
        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 200m, type = "market", time_in_force = "day" }))
            .EnsureStatus(HttpStatusCode.Created);
        await SubscribedAsync(data, ["AAPL"]);
        await MonitorAsync(host, client.UserId); // marks the 100,000 high-water mark

        // The process's first streamed price pays its one-off costs (JIT, the quote path's first queries): a first move is
        // waited for untimed, so the second measures what a running service does.
        sim.SetQuote("AAPL", 99m, 99m);
        await QuoteWhenAsync(client, "AAPL", q => q["mark_price"]!.GetValue<decimal>() == 99m, TimeSpan.FromSeconds(10));

        sim.SetQuote("AAPL", 40m, 40m); // Alpaca marks the position at 40 and streams the quote: a 12 % drawdown

        var quote = await QuoteWhenAsync(client, "AAPL", q => q["mark_price"]!.GetValue<decimal>() == 40m, TimeSpan.FromSeconds(10));
        Assert.Equal((40m, 40m), (quote["bid"]!.GetValue<decimal>(), quote["ask"]!.GetValue<decimal>()));
        var sell = await Eventually.ReturnsAsync(
            () => Task.FromResult(sim.Orders.FirstOrDefault(o => o.ClientOrderId.StartsWith(BreachEpisode.ClientOrderIdPrefix, StringComparison.Ordinal))),
            o => o is { Status: "filled" },
            TimeSpan.FromSeconds(10),
            "the monitor liquidated the position at Alpaca");
        Assert.Equal(("AAPL", "sell", 200m), (sell!.Symbol, sell.Side, sell.Qty));
        Assert.Equal("halted", (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!["state"]!.GetValue<string>());
        Assert.All(data.Authentications, a => Assert.Equal((key.ApiKey, key.ApiSecret), a));
    }

    [Fact]
    public async Task WatchedSymbols_WhenHoldingsAndOpenOrdersChange_AreSubscribedAndUnsubscribed()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, Streaming);
        using var client = await HoldingAaplOnAStreamAsync(host);
        var (sim, data) = (host.Alpaca.Simulator, host.Alpaca.DataStream);
        sim.SetQuote("MSFT", 50m, 51m);

        (await client.PostAsync("/api/v1/orders", new { symbol = "MSFT", side = "buy", qty = 5m, type = "limit", limit_price = 40m, time_in_force = "gtc" }))
            .EnsureStatus(HttpStatusCode.Created);
        await SubscribedAsync(data, ["AAPL", "MSFT"]);
        sim.SetPosition("AAPL", 0m, 0m); // sold elsewhere
        await SubscribedAsync(data, ["MSFT"]);

        sim.SetQuote("MSFT", 44m, 46m);
        await QuoteWhenAsync(client, "MSFT", q => q["mark_price"]!.GetValue<decimal>() == 45m, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SwitchingToPaper_StopsBothStreamsOfTheKey()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, Streaming);
        using var client = await HoldingAaplOnAStreamAsync(host);
        var alpaca = host.Alpaca;
        await Eventually.ReturnsAsync(() => Task.FromResult(alpaca.Stream.Listening), n => n == 1, TimeSpan.FromSeconds(15), "the trade-update stream listens");

        (await client.PutAsync(AccountRoute, new { source = "paper" })).EnsureStatus(HttpStatusCode.OK);

        await Eventually.ReturnsAsync(
            () => Task.FromResult((alpaca.Stream.Listening, alpaca.DataStream.Authenticated)), c => c == (0, 0), TimeSpan.FromSeconds(10), "both streams closed");
        Assert.Contains(Fixture.Logs.Lines, l => l.Contains("Stopping the Alpaca streams", StringComparison.Ordinal) && l.Contains(client.UserId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Authentication_RefusedByAlpaca_IsRetried_AndTheStreamSubscribesOnceAccepted()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, Streaming);
        var data = host.Alpaca.DataStream;
        data.RefuseCredentials = true;
        host.Alpaca.Simulator.SetPosition("AAPL", 10m, 100m);
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);

        await Eventually.ReturnsAsync(() => Task.FromResult(data.Authentications.Count), n => n >= 2, TimeSpan.FromSeconds(10), "refused, then tried again");
        Assert.Equal(0, data.Authenticated);
        Assert.Contains(Fixture.Logs.Lines, l => l.Contains("market-data", StringComparison.Ordinal) && l.Contains("refused", StringComparison.Ordinal)
            && l.Contains(client.UserId.ToString(), StringComparison.Ordinal));

        data.RefuseCredentials = false;

        await SubscribedAsync(data, ["AAPL"]);
        Assert.All(data.Authentications, a => Assert.Equal((key.ApiKey, key.ApiSecret), a));
        Assert.DoesNotContain(Fixture.Logs.Lines, l => l.Contains(key.ApiSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconnect_AfterTheStreamWasCut_SubscribesAgain_AndTheNextPriceIsApplied()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, Streaming);
        using var client = await HoldingAaplOnAStreamAsync(host);
        var (sim, data) = (host.Alpaca.Simulator, host.Alpaca.DataStream);
        var connections = data.Connections;

        data.Accepting = false;
        data.DropAll();
        await Eventually.ReturnsAsync(() => Task.FromResult(data.Authenticated), n => n == 0, TimeSpan.FromSeconds(10), "the connection is cut");
        await Eventually.ReturnsAsync(
            () => Task.FromResult(Fixture.Logs.Lines.Count(l => l.Contains("market-data", StringComparison.Ordinal) && l.Contains("lost", StringComparison.Ordinal)
                && l.Contains(client.UserId.ToString(), StringComparison.Ordinal))),
            n => n >= 2,
            TimeSpan.FromSeconds(10),
            "the service keeps trying to reconnect");

        data.Accepting = true;

        await SubscribedAsync(data, ["AAPL"]);
        Assert.True(data.Connections > connections);
        sim.SetQuote("AAPL", 123m, 124m);
        await QuoteWhenAsync(client, "AAPL", q => q["mark_price"]!.GetValue<decimal>() == 123.5m, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task BadPayloads_UnusablePrices_AndSymbolsNotSubscribed_AreSkipped_AndTheNextPriceIsApplied()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, Streaming);
        using var client = await HoldingAaplOnAStreamAsync(host);
        var data = host.Alpaca.DataStream;
        var connections = data.Connections;
        var user = client.UserId.ToString();

        await data.SendAsync("{not json");
        await data.SendAsync("""[{"T":"q","S":"AAPL","bp":"cheap","ap":101}]""");
        await data.SendAsync("""[{"T":"t","S":"AAPL","p":-5}]""");
        await data.SendAsync("""[{"T":"q","S":"AAPL","bp":102,"ap":101}]""");
        await data.SendAsync("""[{"T":"t","S":"MSFT","p":77}]""");
        await data.PushTrade("AAPL", 150.25m);

        var quote = await QuoteWhenAsync(client, "AAPL", q => q["last"]?.GetValue<decimal>() == 150.25m, TimeSpan.FromSeconds(5));
        Assert.Equal(150.25m, quote["mark_price"]!.GetValue<decimal>());
        (await client.GetAsync("/api/v1/market/quotes/MSFT")).EnsureProblem(HttpStatusCode.NotFound);
        Assert.Equal(2, Fixture.Logs.Lines.Count(l => l.Contains("Skipped an unreadable market-data", StringComparison.Ordinal) && l.Contains(user, StringComparison.Ordinal)));
        Assert.Equal(2, Fixture.Logs.Lines.Count(l => l.Contains("has no usable price", StringComparison.Ordinal) && l.Contains(user, StringComparison.Ordinal)));
        Assert.Contains(Fixture.Logs.Lines, l => l.Contains("\"MSFT\" is not subscribed", StringComparison.Ordinal) && l.Contains(user, StringComparison.Ordinal));
        Assert.Equal(connections, data.Connections); // nothing dropped the stream
    }

    /// <summary>A signed-in user holding 10 AAPL at Alpaca, bound to a new key, once its market-data stream subscribed to AAPL.</summary>
    private static async Task<ApiClient> HoldingAaplOnAStreamAsync(AlpacaHost host)
    {
        host.Alpaca.Simulator.SetPosition("AAPL", 10m, 100m);
        var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        await SubscribedAsync(host.Alpaca.DataStream, ["AAPL"]);
        return client;
    }

    private static Task<IReadOnlyList<string>> SubscribedAsync(FakeAlpacaDataStream data, IReadOnlyList<string> symbols) =>
        Eventually.ReturnsAsync(
            () => Task.FromResult(data.Subscribed), s => s.SequenceEqual(symbols), TimeSpan.FromSeconds(15), $"subscribed to [{string.Join(',', symbols)}]");

    private static Task<JsonNode> QuoteWhenAsync(ApiClient client, string symbol, Func<JsonNode, bool> condition, TimeSpan within) =>
        Eventually.ReturnsAsync(
            async () =>
            {
                var response = await client.GetAsync($"/api/v1/market/quotes/{symbol}");
                return response.Status == HttpStatusCode.OK ? response.Body! : new JsonObject { ["mark_price"] = 0m };
            },
            condition,
            within,
            $"the quote of {symbol} was set from the stream");
}

[Collection(nameof(SqliteBrokerCollection))]
public sealed class AlpacaMarketDataStreamTestsOnSqlite(SqliteApiFixture fixture) : AlpacaMarketDataStreamTests(fixture);

[Collection(nameof(PostgresBrokerCollection))]
public sealed class AlpacaMarketDataStreamTestsOnPostgres(PostgresApiFixture fixture) : AlpacaMarketDataStreamTests(fixture);
