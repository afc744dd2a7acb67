using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.TestSupport;
using static RiskPlatform.Api.FunctionalTests.Brokers.AlpacaTrading;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>
/// Alpaca's trade-update stream (the fake's WebSocket) reaching our order rows: fills (a generous deadline on the shared test machine: the latency is a benchmark figure) without any order or REST
/// call, authentication refused then retried, a fill missed while disconnected reconciled after the reconnect, and bad
/// messages, unknown orders and out-of-order events skipped without dropping the stream or touching the order.
/// </summary>
public abstract class AlpacaTradeUpdatesTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    /// <summary>The trade-update stream alone (the market-data stream has its own tests, AlpacaMarketDataStreamTests).</summary>
    private static readonly Dictionary<string, string?> Streaming =
        new(AlpacaHost.StreamsOn) { ["Brokers:Alpaca:DataStreamEnabled"] = "false" };

    private static readonly object RestingBuy = new { symbol = "AAPL", side = "buy", qty = 2m, type = "limit", limit_price = 95m, time_in_force = "gtc" };

    [Fact]
    public async Task Fill_PushedOnTheStream_FillsOurOrder_AndARepeatChangesNothing()
    {
        await using var account = await RestingOrderOnAStreamAsync();
        var (host, client, orderId, sim) = (account.Host, account.Client, account.OrderId, account.Host.Alpaca.Simulator);
        Assert.All(host.Alpaca.Stream.Authentications, a => Assert.Equal((account.Key.ApiKey, account.Key.ApiSecret), a));
        // The process's first streamed fill pays its one-off costs (JIT, first queries of the fill's events): a first order fills
        // untimed, so the second measures what a running service does.
        var first = (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 1m, type = "limit", limit_price = 97m, time_in_force = "gtc" }))
            .EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        sim.SetQuote("AAPL", 95.5m, 96m);
        await OrderWhenAsync(client, first, "filled", TimeSpan.FromSeconds(10));
        await ProcessedAsync(host, client);
        var restBefore = host.Alpaca.Received.Count;

        sim.SetQuote("AAPL", 93m, 94m); // crosses the limit: Alpaca fills at the ask and pushes "fill"

        var filled = await OrderWhenAsync(client, orderId, "filled", TimeSpan.FromSeconds(10));
        Assert.Equal((2m, 94m), (filled["filled_qty"]!.GetValue<decimal>(), filled["average_fill_price"]!.GetValue<decimal>()));
        Assert.DoesNotContain(host.Alpaca.Received.Skip(restBefore), IsOrderReadBack);

        // Alpaca may deliver an event twice: the order and its notification stay as they are.
        var atAlpaca = Assert.Single(sim.Orders, o => o.LimitPrice == 95m);
        await host.Alpaca.Stream.SendAsync(FakeAlpacaStream.TradeUpdate("fill", atAlpaca));
        await ProcessedAsync(host, client);
        var again = await OrderAsync(client, orderId);
        Assert.Equal(filled.ToJsonString(), again.ToJsonString());
        var notified = (await client.GetAsync("/api/v1/notifications?type=order_filled")).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Single(notified, n => n!["order_id"]!.GetValue<Guid>() == orderId);
    }

    [Fact]
    public async Task Authentication_RefusedByAlpaca_IsRetried_AndTheStreamListensOnceAccepted()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, Streaming);
        var stream = host.Alpaca.Stream;
        stream.RefuseCredentials = true;
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);

        await Eventually.ReturnsAsync(() => Task.FromResult(stream.Authentications.Count), n => n >= 2, TimeSpan.FromSeconds(10), "refused, then tried again");
        Assert.Equal(0, stream.Listening);
        Assert.Contains(Fixture.Logs.Lines, l => l.Contains("refused", StringComparison.Ordinal) && l.Contains(client.UserId.ToString(), StringComparison.Ordinal));

        stream.RefuseCredentials = false;

        await ListeningAsync(stream, 1);
        Assert.All(stream.Authentications, a => Assert.Equal((key.ApiKey, key.ApiSecret), a));
        Assert.DoesNotContain(Fixture.Logs.Lines, l => l.Contains(key.ApiSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconnect_AfterTheStreamWasCut_ReconcilesTheFillMissedInTheGap()
    {
        await using var account = await RestingOrderOnAStreamAsync();
        var (client, orderId, sim, stream) = (account.Client, account.OrderId, account.Host.Alpaca.Simulator, account.Host.Alpaca.Stream);
        var connections = stream.Connections;

        stream.Accepting = false;
        stream.DropAll();
        await ListeningAsync(stream, 0);
        sim.SetQuote("AAPL", 93m, 94m); // filled at Alpaca while nobody listens: the event is lost
        await Eventually.ReturnsAsync(
            () => Task.FromResult(Fixture.Logs.Lines.Count(l => l.Contains("lost", StringComparison.Ordinal) && l.Contains(client.UserId.ToString(), StringComparison.Ordinal))),
            n => n >= 2,
            TimeSpan.FromSeconds(10),
            "the service keeps trying to reconnect");
        Assert.Equal("new", (await OrderAsync(client, orderId))["status"]!.GetValue<string>());

        stream.Accepting = true;

        var filled = await OrderWhenAsync(client, orderId, "filled", TimeSpan.FromSeconds(10));
        Assert.Equal((2m, 94m), (filled["filled_qty"]!.GetValue<decimal>(), filled["average_fill_price"]!.GetValue<decimal>()));
        Assert.True(stream.Connections > connections);
        await ReconciledAsync(client, 2);
    }

    [Fact]
    public async Task BadMessages_UnknownOrders_AndOutOfOrderEvents_AreSkipped_AndTheNextUpdateIsApplied()
    {
        await using var account = await RestingOrderOnAStreamAsync();
        var (host, client, orderId, sim, stream) =
            (account.Host, account.Client, account.OrderId, account.Host.Alpaca.Simulator, account.Host.Alpaca.Stream);
        var connections = stream.Connections;
        var atAlpaca = Assert.Single(sim.Orders);
        var user = client.UserId.ToString();

        await stream.SendAsync("{not json");
        await stream.SendAsync("""{"stream":"trade_updates","data":{"event":"fill"}}""");
        var badQty = JsonNode.Parse(FakeAlpacaStream.TradeUpdate("fill", AsOf(atAlpaca, "filled", 2m, 94m)))!;
        badQty["data"]!["order"]!["filled_qty"] = "two";
        await stream.SendAsync(badQty.ToJsonString());
        var notOurs = AsOf(atAlpaca, "filled", 7m, 50m, id: Guid.NewGuid().ToString(), clientOrderId: "placed-elsewhere");
        await stream.SendAsync(FakeAlpacaStream.TradeUpdate("fill", notOurs));
        sim.SetQuote("AAPL", 93m, 94m);

        var filled = await OrderWhenAsync(client, orderId, "filled", TimeSpan.FromSeconds(5));
        Assert.Equal(3, Fixture.Logs.Lines.Count(l => l.Contains("Skipped an unreadable", StringComparison.Ordinal) && l.Contains(user, StringComparison.Ordinal)));
        Assert.Contains(Fixture.Logs.Lines, l => l.Contains(notOurs.Id, StringComparison.Ordinal) && l.Contains("not an order RiskPlatform holds", StringComparison.Ordinal));

        // Late events about the filled order would move it backwards: ignored, the row is untouched.
        await stream.SendAsync(FakeAlpacaStream.TradeUpdate("new", AsOf(atAlpaca, "new", 0m, null)));
        await stream.SendAsync(FakeAlpacaStream.TradeUpdate("partial_fill", AsOf(atAlpaca, "partially_filled", 1m, 93m)));
        await stream.SendAsync(FakeAlpacaStream.TradeUpdate("canceled", AsOf(atAlpaca, "canceled", 0m, null)));
        await ProcessedAsync(host, client);

        Assert.Equal(filled.ToJsonString(), (await OrderAsync(client, orderId)).ToJsonString());
        Assert.Equal(3, Fixture.Logs.Lines.Count(l => l.Contains(atAlpaca.Id, StringComparison.Ordinal) && l.Contains("already past", StringComparison.Ordinal)));
        Assert.Equal(connections, stream.Connections); // nothing dropped the stream
    }

    /// <summary>Our open orders read back from Alpaca one by one (the refresh before an order, or the stream's reconcile).</summary>
    private static bool IsOrderReadBack(FakeAlpacaRequest request) =>
        request.Method == "GET" && (request.Route.StartsWith("GET /v2/orders/", StringComparison.Ordinal) || request.Route == "GET /v2/orders:by_client_order_id");

    private Task<int> ReconciledAsync(ApiClient client, int times) => Eventually.ReturnsAsync(
        () => Task.FromResult(Fixture.Logs.Lines.Count(l =>
            l.Contains("Reconciled the open orders", StringComparison.Ordinal) && l.Contains(client.UserId.ToString(), StringComparison.Ordinal))),
        n => n >= times,
        TimeSpan.FromSeconds(10),
        $"the open orders were reconciled after {times} connection(s)");

    private static FakeAlpacaOrder AsOf(FakeAlpacaOrder order, string status, decimal filledQty, decimal? price, string? id = null, string? clientOrderId = null) => new()
    {
        Id = id ?? order.Id,
        ClientOrderId = clientOrderId ?? order.ClientOrderId,
        Symbol = order.Symbol,
        Side = order.Side,
        Type = order.Type,
        TimeInForce = order.TimeInForce,
        Qty = order.Qty,
        LimitPrice = order.LimitPrice,
        SubmittedAt = order.SubmittedAt,
        Status = status,
        FilledQty = filledQty,
        FilledAvgPrice = price,
        FilledAt = status == "filled" ? DateTime.UtcNow : null,
    };

    /// <summary>
    /// A streaming host with a user bound to a new Alpaca key and a resting limit buy (2 AAPL at 95, the ask at 101), once the
    /// key's stream listens and has reconciled.
    /// </summary>
    private async Task<StreamedAccount> RestingOrderOnAStreamAsync()
    {
        var host = await AlpacaHost.StartAsync(Fixture, Streaming);
        var client = await host.SignedInAsync();
        var account = new StreamedAccount(host, client);
        try
        {
            account.Key = await BindNewKeyAsync(client);
            host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);
            var placed = (await client.PostAsync("/api/v1/orders", RestingBuy)).EnsureStatus(HttpStatusCode.Created).Body!;
            Assert.Equal("new", placed["status"]!.GetValue<string>());
            account.OrderId = placed["id"]!.GetValue<Guid>();
            await ListeningAsync(host.Alpaca.Stream, 1);
            await ReconciledAsync(client, 1);
            return account;
        }
        catch
        {
            await account.DisposeAsync();
            throw;
        }
    }

    private static Task<int> ListeningAsync(FakeAlpacaStream stream, int count) =>
        Eventually.ReturnsAsync(() => Task.FromResult(stream.Listening), n => n == count, TimeSpan.FromSeconds(15), $"{count} stream(s) listening");

    private static async Task<JsonNode> OrderAsync(ApiClient client, Guid orderId) =>
        (await client.GetAsync($"/api/v1/orders/{orderId}")).EnsureStatus(HttpStatusCode.OK).Body!;

    private static Task<JsonNode> OrderWhenAsync(ApiClient client, Guid orderId, string status, TimeSpan within) =>
        Eventually.ReturnsAsync(() => OrderAsync(client, orderId), o => o["status"]!.GetValue<string>() == status, within, $"the order is {status}");

    /// <summary>
    /// Waits until the stream has handled everything sent before: updates are mirrored one at a time in arrival order, so once
    /// a marker update (an order nobody holds) is logged as ignored, every earlier one was handled.
    /// </summary>
    private async Task ProcessedAsync(AlpacaHost host, ApiClient client)
    {
        var marker = Guid.NewGuid().ToString();
        var order = AsOf(host.Alpaca.Simulator.Orders[0], "new", 0m, null, id: marker, clientOrderId: $"marker-{marker}");
        await host.Alpaca.Stream.SendAsync(FakeAlpacaStream.TradeUpdate("new", order));
        await Eventually.ReturnsAsync(
            () => Task.FromResult(Fixture.Logs.Contains(marker)), found => found, TimeSpan.FromSeconds(10), $"the stream of {client.UserId} handled the marker");
    }

    private sealed class StreamedAccount(AlpacaHost host, ApiClient client) : IAsyncDisposable
    {
        public AlpacaHost Host { get; } = host;

        public ApiClient Client { get; } = client;

        public BoundKey Key { get; set; } = null!;

        public Guid OrderId { get; set; }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Host.DisposeAsync();
        }
    }
}

[Collection(nameof(SqliteBrokerCollection))]
public sealed class AlpacaTradeUpdatesTestsOnSqlite(SqliteApiFixture fixture) : AlpacaTradeUpdatesTests(fixture);

[Collection(nameof(PostgresBrokerCollection))]
public sealed class AlpacaTradeUpdatesTestsOnPostgres(PostgresApiFixture fixture) : AlpacaTradeUpdatesTests(fixture);
