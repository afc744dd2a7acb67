using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Portfolio;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.TestSupport;
using static RiskPlatform.Api.FunctionalTests.Brokers.AlpacaTrading;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>
/// The monitor's end of the order path on the fake Alpaca: Alpaca pushes no quotes, so the user is queued as the poller would
/// queue them; the breach, the halt and the liquidation run through the same broker port as on the paper broker.
/// </summary>
public abstract class AlpacaMonitorTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static object Market(string side, decimal qty, string symbol = "AAPL") =>
        new { symbol, side, qty, type = "market", time_in_force = "day" };

    private static async Task<List<JsonNode>> OrdersAsync(ApiClient client) =>
        [.. (await client.GetAsync("/api/v1/orders?limit=200")).EnsureStatus(HttpStatusCode.OK).Array.Select(o => o!)];

    [Fact]
    public async Task DrawdownCloseAll_AtAlpaca_SellsEveryPositionThere_CancelsOpenOrders_AndHalts()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        var sim = host.Alpaca.Simulator;
        sim.SetQuote("AAPL", 100m, 100m);
        sim.SetQuote("MSFT", 50m, 50m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.CloseAll);
        (await client.PostAsync("/api/v1/orders", Market("buy", 200m))).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/orders", Market("buy", 100m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
        var resting = (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 10m, type = "limit", limit_price = 20m, time_in_force = "gtc" }))
            .EnsureStatus(HttpStatusCode.Created).Body!;
        await MonitorAsync(host, client.UserId); // marks the 100,000 high-water mark

        // AAPL 100 → 40 at Alpaca: equity 100,000 − 12,000 = 88,000, a 12 % drawdown.
        sim.SetQuote("AAPL", 40m, 40m);
        await MonitorAsync(host, client.UserId);

        Assert.Equal("halted", (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!["state"]!.GetValue<string>());
        var sells = sim.Orders.Where(o => o.ClientOrderId.StartsWith(BreachEpisode.ClientOrderIdPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sells.Count);
        Assert.Equal([("AAPL", 200m), ("MSFT", 100m)], sells.Select(o => (o.Symbol, o.Qty)).OrderBy(o => o.Symbol));
        Assert.All(sells, o => Assert.Equal(("sell", "market", "filled"), (o.Side, o.Type, o.Status)));
        Assert.All(sim.Positions, p => Assert.Equal(0m, p.Qty));
        Assert.Equal("canceled", sim.Orders.Single(o => o.Id == resting["broker_order_id"]!.GetValue<string>()).Status);

        var ours = await OrdersAsync(client);
        Assert.Equal(2, ours.Count(o => o["client_order_id"]!.GetValue<string>().StartsWith(BreachEpisode.ClientOrderIdPrefix, StringComparison.Ordinal)));
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        Assert.All(await MonitorTestData.ActionsAsync(Fixture, client.UserId), a => Assert.Equal(MonitorActionStatus.Done, a.Status));
        Assert.Equal(0, await TradingTestData.PaperOrderCountAsync(Fixture));

        // A second evaluation in the same episode sends nothing more to Alpaca.
        sim.SetQuote("AAPL", 35m, 35m);
        await MonitorAsync(host, client.UserId);
        Assert.Equal(2, sim.Orders.Count(o => o.ClientOrderId.StartsWith(BreachEpisode.ClientOrderIdPrefix, StringComparison.Ordinal)));
        var refused = (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("TRADING_HALTED", refused.Body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Liquidation_AtASlowAlpaca_DoesNotHoldUpAnotherUsersPaperOrder()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, new Dictionary<string, string?> { ["Brokers:Alpaca:TimeoutSeconds"] = "15" });
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        var sim = host.Alpaca.Simulator;
        sim.SetQuote("AAPL", 100m, 100m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDrawdown, 10m, ThresholdUnit.Percent, RiskAction.CloseAll);
        (await client.PostAsync("/api/v1/orders", Market("buy", 200m))).EnsureStatus(HttpStatusCode.Created);
        await MonitorAsync(host, client.UserId);
        using var feed = new ApiClient(host.Factory.CreateClient());
        await feed.SignInAsNewAdminAsync(host.Factory.Services, RiskPlatformApiFactory.MarketFeedEmail, "Correct-Horse-42");
        (await feed.PutAsync("/api/v1/market/quotes/MSFT", new { price = 50m })).EnsureStatus(HttpStatusCode.OK);
        using var paperTrader = await host.SignedInAsync();
        var sent = host.Alpaca.ReceivedOn("POST /v2/orders").Count;
        sim.SetQuote("AAPL", 40m, 40m);
        sim.FailNext("POST /v2/orders", FakeAlpacaFailure.Slow(TimeSpan.FromSeconds(5)));

        var queue = host.Factory.Services.GetRequiredService<IMonitorQueue>();
        queue.Enqueue(client.UserId);
        await Eventually.ReturnsAsync(
            () => Task.FromResult(host.Alpaca.ReceivedOn("POST /v2/orders").Count), n => n == sent + 1, TimeSpan.FromSeconds(20), "the liquidation is on its way");
        var idle = queue.WhenIdleAsync(TestContext.Current.CancellationToken);
        var paper = await paperTrader.PostAsync("/api/v1/orders", Market("buy", 1m, "MSFT"));

        Assert.Equal("filled", paper.EnsureStatus(HttpStatusCode.Created).Body!["status"]!.GetValue<string>());
        Assert.False(idle.IsCompleted, "the paper order had to wait for the other user's liquidation at Alpaca");
        await idle.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var sell = Assert.Single(sim.Orders, o => o.ClientOrderId.StartsWith(BreachEpisode.ClientOrderIdPrefix, StringComparison.Ordinal));
        Assert.Equal(("AAPL", 200m, "filled"), (sell.Symbol, sell.Qty, sell.Status));
        var actions = await MonitorTestData.ActionsAsync(Fixture, client.UserId);
        var ours = Assert.Single(await OrdersAsync(client), o => o["client_order_id"]!.GetValue<string>() == sell.ClientOrderId);
        Assert.True(
            ours["broker_order_id"]?.GetValue<string>() == sell.Id && ours["status"]!.GetValue<string>() == "filled",
            $"our order: {ours.ToJsonString()}; actions: {string.Join(" | ", actions.Select(a => $"{a.Kind} {a.Status} attempts={a.Attempts} error={a.LastError}"))}");
        Assert.All(actions, a => Assert.Equal(MonitorActionStatus.Done, a.Status));
    }
}

[Collection(nameof(SqliteBrokerCollection))]
public sealed class AlpacaMonitorTestsOnSqlite(SqliteApiFixture fixture) : AlpacaMonitorTests(fixture);

[Collection(nameof(PostgresBrokerCollection))]
public sealed class AlpacaMonitorTestsOnPostgres(PostgresApiFixture fixture) : AlpacaMonitorTests(fixture);
