using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Paper.Events;
using static RiskPlatform.Api.FunctionalTests.ApiKeys.ApiKeyTestData;
using static RiskPlatform.Api.FunctionalTests.Brokers.AlpacaTrading;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>The whole order path through the HTTP API with the trading account bound to an Alpaca key (the fake Alpaca).</summary>
public abstract class AlpacaOrderPathTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static object Market(string side, decimal qty, string symbol = "AAPL") =>
        new { symbol, side, qty, type = "market", time_in_force = "day" };

    private static decimal Dec(JsonNode body, string name) => body[name]!.GetValue<decimal>();

    [Fact]
    public async Task OrderPath_RuleCheckSubmitFillOrdersAndMetrics_RunOnAlpacasFigures()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);
        var sim = host.Alpaca.Simulator;
        sim.LastEquity = 99_900m;
        sim.SetQuote("AAPL", 99m, 101m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 1_000m, ThresholdUnit.Dollars, RiskAction.Block);

        // A blocking rule refuses the order: 422 with the breach, nothing reaches Alpaca.
        var blocked = (await client.PostAsync("/api/v1/orders", Market("buy", 20m))).EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!;
        Assert.Equal("order_blocked", blocked["code"]!.GetValue<string>());
        Assert.Empty(host.Alpaca.ReceivedOn("POST /v2/orders"));

        // Within the rule: submitted to Alpaca with our client_order_id, filled at the ask.
        var placed = (await client.PostAsync("/api/v1/orders", Market("buy", 5m))).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal(("filled", 5m, 101m), (placed["status"]!.GetValue<string>(), Dec(placed, "filled_qty"), Dec(placed, "average_fill_price")));
        var atAlpaca = Assert.Single(sim.Orders);
        Assert.Equal(placed["client_order_id"]!.GetValue<string>(), atAlpaca.ClientOrderId);
        Assert.Equal(atAlpaca.Id, placed["broker_order_id"]!.GetValue<string>());
        var listed = (await client.GetAsync("/api/v1/orders")).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal(placed["id"]!.GetValue<Guid>(), Assert.Single(listed)!["id"]!.GetValue<Guid>());
        Assert.Equal(0, await TradingTestData.PaperOrderCountAsync(Fixture));

        // Metrics from Alpaca's figures: cash 100,000 − 5 × 101 = 99,495; 5 AAPL at the mid 110 = 550; equity 100,045;
        // day start = last_equity 99,900 → daily P&L 145 (0.145145…%); unrealized (110 − 101) × 5 = 45.
        sim.SetQuote("AAPL", 109m, 111m);
        var metrics = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(100_045m, Dec(metrics, "account_value"));
        Assert.Equal(99_495m, Dec(metrics, "cash"));
        Assert.Equal(99_495m, Dec(metrics, "buying_power"));
        Assert.Equal(550m, Dec(metrics, "total_position_value"));
        Assert.Equal(1, metrics["number_of_positions"]!.GetValue<int>());
        Assert.Equal(99_900m, Dec(metrics, "day_start_equity"));
        Assert.Equal(145m, Dec(metrics, "daily_pl"));
        Assert.Equal(Math.Round(145m / 99_900m * 100m, 6), Math.Round(Dec(metrics, "daily_pl_percent"), 6));
        Assert.Equal(45m, Dec(metrics, "total_unrealized_pl"));
        Assert.Equal(Math.Round(550m / 100_045m, 6), Math.Round(Dec(metrics, "leverage"), 6));

        var counted = await KeyWhenAsync(client, key.Id, k => k["usage_count"]!.GetValue<long>() >= 10, "every Alpaca call counts as a use");
        Assert.Equal(0, counted["error_count"]!.GetValue<int>());
        Assert.NotNull(counted["last_used_at"]);
    }

    [Fact]
    public async Task MarketOrder_FilledAtAlpaca_NotifiesOrderFilledOnce()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);

        var placed = (await client.PostAsync("/api/v1/orders", Market("buy", 5m))).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal("filled", placed["status"]!.GetValue<string>());
        (await client.GetAsync("/api/v1/orders")).EnsureStatus(HttpStatusCode.OK);

        var notified = (await client.GetAsync("/api/v1/notifications?type=order_filled")).EnsureStatus(HttpStatusCode.OK).Array;
        var row = Assert.Single(notified)!;
        Assert.Equal(placed["id"]!.GetValue<Guid>(), row["order_id"]!.GetValue<Guid>());
        Assert.Equal("medium", row["priority"]!.GetValue<string>());
        Assert.Equal(("AAPL", "buy", 5m, 101m), (
            row["data"]!["symbol"]!.GetValue<string>(), row["data"]!["side"]!.GetValue<string>(),
            row["data"]!["quantity"]!.GetValue<decimal>(), row["data"]!["price"]!.GetValue<decimal>()));
        Assert.Equal(1, await Fixture.CountAsync(
            $"SELECT COUNT(*) FROM notifications WHERE type = 'OrderFilled' AND user_id = {Fixture.Literal(client.UserId)}"));
    }

    [Fact]
    public async Task OrderPath_WhenAlpacaRefusesTheOrder_Is422WithAlpacasMessage_AndTheOrderIsKeptRejected()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);
        host.Alpaca.Simulator.FailNext("POST /v2/orders", FakeAlpacaFailure.InsufficientBuyingPower);

        var refused = (await client.PostAsync("/api/v1/orders", Market("buy", 5m))).EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!;

        Assert.Equal("order_rejected_by_broker", refused["code"]!.GetValue<string>());
        Assert.Contains("insufficient buying power", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // The order was recorded before Alpaca was called (no call inside a transaction): it stays, rejected with Alpaca's reason.
        var kept = Assert.Single((await client.GetAsync("/api/v1/orders")).EnsureStatus(HttpStatusCode.OK).Array)!;
        Assert.Equal("rejected", kept["status"]!.GetValue<string>());
        Assert.Contains("insufficient buying power", kept["reject_reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(kept["broker_order_id"]?.GetValue<string>());
        Assert.Empty(host.Alpaca.Simulator.Orders);
    }

    [Fact]
    public async Task OrderPath_WhenTheKeyStopsWorking_OrdersAndMetricsFailClosedWith503_AndAVerifyBringsItBack()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);
        host.Alpaca.Simulator.FailNext("GET /v2/account", FakeAlpacaFailure.Unauthorized, times: 2);

        var order = (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureProblem(HttpStatusCode.ServiceUnavailable).Body!;
        var metrics = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureProblem(HttpStatusCode.ServiceUnavailable).Body!;

        Assert.Equal("broker_unavailable", order["code"]!.GetValue<string>());
        Assert.Contains("HTTP 401", metrics["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(host.Alpaca.ReceivedOn("POST /v2/orders"));
        Assert.Empty((await client.GetAsync("/api/v1/orders")).Array);
        var unavailable = await AccountWhenAsync(client, "broker_unavailable");
        Assert.Contains("HTTP 401", unavailable["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        await KeyWhenAsync(client, key.Id, k => k["error_count"]!.GetValue<int>() == 2, "both rejections count toward deactivation");

        var verified = (await client.PostAsync($"{Route}/{key.Id}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("ok", verified["broker_check"]!.GetValue<string>());
        var recovered = (await client.GetAsync(AccountRoute)).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("active", recovered["status"]!.GetValue<string>());
        Assert.Null(recovered["reason"]);
        (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Query_ThatCallsAlpaca_CountsItsUsesAndWritesLastUsedAtOncePerMinute()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);

        // GET /risk-rules/max-quantity is a query (no unit of work): account, positions, open orders, quote = 4 calls.
        (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy")).EnsureStatus(HttpStatusCode.OK);
        var first = await KeyWhenAsync(client, key.Id, k => k["usage_count"]!.GetValue<long>() == 4, "the query's four Alpaca calls count");
        var lastUsed = first["last_used_at"]!.GetValue<DateTime>();

        (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy")).EnsureStatus(HttpStatusCode.OK);
        var second = await KeyWhenAsync(client, key.Id, k => k["usage_count"]!.GetValue<long>() == 8, "the second query counts too");

        Assert.Equal(lastUsed, second["last_used_at"]!.GetValue<DateTime>()); // not rewritten within the minute
        Assert.Equal(4, host.Alpaca.Received.Count(r => r.Route is "GET /v2/account" or "GET /v2/positions"));
    }

    [Fact]
    public async Task LaterFillsAtAlpaca_ReachOurOrders_BeforeTheNextOrderAndBeforeABrokerSwitch()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);
        var resting = (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 2m, type = "limit", limit_price = 95m, time_in_force = "gtc" }))
            .EnsureStatus(HttpStatusCode.Created).Body!;
        var id = resting["id"]!.GetValue<Guid>();

        var refused = (await client.PutAsync(AccountRoute, new { source = "paper" })).EnsureProblem(HttpStatusCode.Conflict).Body!;
        Assert.Equal("trading_account.open_orders", refused["code"]!.GetValue<string>());

        host.Alpaca.Simulator.SetQuote("AAPL", 94m, 95m); // the limit order fills at Alpaca
        (await client.PutAsync(AccountRoute, new { source = "paper" })).EnsureStatus(HttpStatusCode.OK);

        var filled = (await client.GetAsync($"/api/v1/orders/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(("filled", 2m, 95m), (filled["status"]!.GetValue<string>(), Dec(filled, "filled_qty"), Dec(filled, "average_fill_price")));

        // The fill was read back from Alpaca while the switch to paper was being saved: it is still notified, once.
        var notified = (await client.GetAsync("/api/v1/notifications?type=order_filled")).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal(id, Assert.Single(notified)!["order_id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task BrokerSwitch_WhenTheBoundKeyWasRevokedWithOrdersOpen_IsAllowed()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var key = await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);
        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 2m, type = "limit", limit_price = 95m, time_in_force = "gtc" }))
            .EnsureStatus(HttpStatusCode.Created);
        (await client.DeleteAsync($"{Route}/{key.Id}")).EnsureStatus(HttpStatusCode.NoContent);

        var paper = (await client.PutAsync(AccountRoute, new { source = "paper" })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("paper", paper["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_ARestingLimitOrderAtAlpaca_IsMirroredAsCancelled()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetQuote("AAPL", 99m, 101m);
        var placed = (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 2m, type = "limit", limit_price = 95m, time_in_force = "gtc" }))
            .EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal("new", placed["status"]!.GetValue<string>());

        var cancelled = (await client.DeleteAsync($"/api/v1/orders/{placed["id"]!.GetValue<Guid>()}")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal("canceled", Assert.Single(host.Alpaca.Simulator.Orders).Status);
    }
}

[Collection(nameof(SqliteBrokerCollection))]
public sealed class AlpacaOrderPathTestsOnSqlite(SqliteApiFixture fixture) : AlpacaOrderPathTests(fixture);

[Collection(nameof(PostgresBrokerCollection))]
public sealed class AlpacaOrderPathTestsOnPostgres(PostgresApiFixture fixture) : AlpacaOrderPathTests(fixture);
