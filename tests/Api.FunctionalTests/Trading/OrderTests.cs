using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Api.FunctionalTests.Trading;

public abstract class OrderTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static object Market(string side, decimal qty, string symbol = "AAPL", string? clientOrderId = null) =>
        new { symbol, side, qty, type = "market", time_in_force = "day", client_order_id = clientOrderId };

    private static object Limit(string side, decimal qty, decimal limitPrice, string symbol = "AAPL") =>
        new { symbol, side, qty, type = "limit", limit_price = limitPrice, time_in_force = "gtc" };

    private async Task QuoteAsync(string symbol, decimal bid, decimal ask, decimal? last = null) =>
        (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/quotes/{symbol}", new { bid, ask, last })).EnsureStatus(HttpStatusCode.OK);

    private async Task PriceAsync(string symbol, decimal price) =>
        (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);

    [Fact]
    public async Task MarketOrders_BuyFillsAtAskAndSellAtBid_MovingPositionAndCash()
    {
        var client = await SignedInAsync();
        await QuoteAsync("AAPL", 99m, 101m, 100m);

        var buy = (await client.PostAsync("/api/v1/orders", Market("buy", 10m))).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal("filled", buy["status"]!.GetValue<string>());
        Assert.Equal(101m, buy["average_fill_price"]!.GetValue<decimal>());
        Assert.Equal(10m, buy["filled_qty"]!.GetValue<decimal>());
        Assert.Equal("accepted", buy["decision"]!.GetValue<string>());
        var account = await TradingTestData.PaperAccountAsync(Fixture, client.UserId);
        Assert.Equal(100_000m - 1_010m, account!.Cash);
        Assert.Equal(10m, Assert.Single(account.Positions).Quantity);

        var sell = (await client.PostAsync("/api/v1/orders", Market("sell", 10m))).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal(99m, sell["average_fill_price"]!.GetValue<decimal>());
        account = await TradingTestData.PaperAccountAsync(Fixture, client.UserId);
        Assert.Equal(100_000m - 20m, account!.Cash);
        Assert.Empty(account.Positions);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM paper_positions"));
    }

    [Fact]
    public async Task MarketOrder_FilledOnPaper_NotifiesOrderFilledOnce()
    {
        var client = await SignedInAsync();
        await QuoteAsync("AAPL", 99m, 101m, 100m);

        (await client.PostAsync("/api/v1/orders", Market("buy", 10m))).EnsureStatus(HttpStatusCode.Created);

        var row = Assert.Single((await client.GetAsync("/api/v1/notifications?type=order_filled")).EnsureStatus(HttpStatusCode.OK).Array)!;
        Assert.Equal(101m, row["data"]!["price"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task LimitOrder_RestsThenFillsWhenAQuoteCrossesIt()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);

        var placed = (await client.PostAsync("/api/v1/orders", Limit("buy", 5m, 95m))).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal("new", placed["status"]!.GetValue<string>());
        var id = placed["id"]!.GetValue<Guid>();

        await PriceAsync("AAPL", 96m);
        Assert.Equal("new", (await client.GetAsync($"/api/v1/orders/{id}")).EnsureStatus(HttpStatusCode.OK).Body!["status"]!.GetValue<string>());

        await QuoteAsync("AAPL", 93m, 94m);
        var filled = (await client.GetAsync($"/api/v1/orders/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("filled", filled["status"]!.GetValue<string>());
        Assert.Equal(94m, filled["average_fill_price"]!.GetValue<decimal>());
        Assert.Equal(5m, filled["filled_qty"]!.GetValue<decimal>());
        Assert.NotNull(filled["filled_at"]);
        var account = await TradingTestData.PaperAccountAsync(Fixture, client.UserId);
        Assert.Equal(100_000m - 470m, account!.Cash);
    }

    public static TheoryData<RiskRuleType, decimal, ThresholdUnit, string> BlockingRules => new()
    {
        { RiskRuleType.MaxPositionSize, 1_000m, ThresholdUnit.Dollars, "buy 20 AAPL" },
        { RiskRuleType.MaxOrderValue, 1_000m, ThresholdUnit.Dollars, "buy 20 AAPL" },
        { RiskRuleType.MaxDailyLoss, 500m, ThresholdUnit.Dollars, "after a 1000 loss" },
        { RiskRuleType.MaxDrawdown, 0.5m, ThresholdUnit.Percent, "after a 1000 loss" },
        { RiskRuleType.PositionLimit, 1m, ThresholdUnit.Count, "second symbol" },
        { RiskRuleType.MaxLeverage, 0.5m, ThresholdUnit.Ratio, "buy 1000 AAPL" },
        { RiskRuleType.MaxConcentration, 10m, ThresholdUnit.Percent, "buy 200 AAPL" },
        { RiskRuleType.OrderRateLimit, 1m, ThresholdUnit.Count, "second order in a minute" },
        { RiskRuleType.RestrictedSymbols, 1m, ThresholdUnit.Count, "restricted AAPL" },
        { RiskRuleType.PriceCollar, 5m, ThresholdUnit.Percent, "limit 20% through" },
    };

    [Theory]
    [MemberData(nameof(BlockingRules))]
    public async Task PlaceOrder_WhenABlockRuleIsBreached_Returns422WithTheBreachAndNothingReachesTheBroker(
        RiskRuleType type, decimal threshold, ThresholdUnit unit, string scenario)
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        await PriceAsync("MSFT", 100m);
        object order = Market("buy", 20m);
        switch (type)
        {
            case RiskRuleType.MaxDailyLoss or RiskRuleType.MaxDrawdown:
                (await client.PostAsync("/api/v1/orders", Market("buy", 100m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
                await PriceAsync("MSFT", 90m);
                break;
            case RiskRuleType.PositionLimit:
                (await client.PostAsync("/api/v1/orders", Market("buy", 1m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
                break;
            case RiskRuleType.OrderRateLimit:
                (await client.PostAsync("/api/v1/orders", Market("buy", 1m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
                break;
            case RiskRuleType.MaxLeverage:
                order = Market("buy", 1_000m);
                break;
            case RiskRuleType.MaxConcentration:
                order = Market("buy", 200m);
                break;
            case RiskRuleType.PriceCollar:
                order = Limit("buy", 1m, 120m);
                break;
            default:
                break;
        }

        var brokerOrdersBefore = await TradingTestData.PaperOrderCountAsync(Fixture);
        var ruleId = await TradingTestData.AddRuleAsync(
            Fixture, client.UserId, type, threshold, unit, RiskAction.Block,
            symbols: type == RiskRuleType.RestrictedSymbols ? ["AAPL"] : null,
            windowSeconds: type == RiskRuleType.OrderRateLimit ? 60 : null);

        var response = (await client.PostAsync("/api/v1/orders", order)).EnsureProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("order_blocked", response.Body!["code"]!.GetValue<string>());
        var breach = Assert.Single(response.Body["breaches"]!.AsArray())!;
        Assert.Equal(ruleId, breach["rule_id"]!.GetValue<Guid>());
        Assert.Equal(RuleTypeWire(type), breach["rule_type"]!.GetValue<string>());
        Assert.Equal("block", breach["action"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(breach["rule_name"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(breach["message"]!.GetValue<string>()), scenario);
        Assert.True(breach["observed"]!.GetValue<decimal>() > breach["limit"]!.GetValue<decimal>() || type == RiskRuleType.RestrictedSymbols);
        Assert.Equal(brokerOrdersBefore, await TradingTestData.PaperOrderCountAsync(Fixture));
        Assert.Equal(1, await TradingTestData.BreachRowsAsync(Fixture, ruleId));
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
    }

    [Fact]
    public async Task PlaceOrder_ExactlyAtTheLimit_IsAccepted()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 1_000m, ThresholdUnit.Dollars, RiskAction.Block);

        (await client.PostAsync("/api/v1/orders", Market("buy", 10m))).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/orders", Market("buy", 10.5m))).EnsureStatus(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(1, await TradingTestData.BreachRowsAsync(Fixture, ruleId));
    }

    [Fact]
    public async Task PlaceOrder_WhenAReduceSizeRuleBinds_SubmitsTheAllowedQuantity()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 1_550m, ThresholdUnit.Dollars, RiskAction.ReduceSize);

        var order = (await client.PostAsync("/api/v1/orders", Market("buy", 40m))).EnsureStatus(HttpStatusCode.Created).Body!;

        Assert.Equal(40m, order["requested_qty"]!.GetValue<decimal>());
        Assert.Equal(15m, order["qty"]!.GetValue<decimal>());
        Assert.Equal("reduced", order["decision"]!.GetValue<string>());
        Assert.Equal(ruleId, order["binding_rule"]!["id"]!.GetValue<Guid>());
        Assert.Equal("max_order_value", order["binding_rule"]!["rule_type"]!.GetValue<string>());
        Assert.Equal(15m, order["filled_qty"]!.GetValue<decimal>());
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
    }

    [Fact]
    public async Task PlaceOrder_WhenAnAlertRuleFires_IsAcceptedWithTheAlert()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 10m, ThresholdUnit.Shares, RiskAction.Alert);

        var order = (await client.PostAsync("/api/v1/orders", Market("buy", 12m))).EnsureStatus(HttpStatusCode.Created).Body!;

        Assert.Equal(12m, order["qty"]!.GetValue<decimal>());
        var alert = Assert.Single(order["alerts"]!.AsArray())!;
        Assert.Equal(ruleId, alert["rule_id"]!.GetValue<Guid>());
        Assert.Equal("alert", alert["action"]!.GetValue<string>());
        Assert.Equal(12m, alert["observed"]!.GetValue<decimal>());
        Assert.Equal(10m, alert["limit"]!.GetValue<decimal>());
        var reread = (await client.GetAsync($"/api/v1/orders/{order["id"]}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Single(reread["alerts"]!.AsArray());

        // One pre-trade breach for the order; the 12-share position then opens one monitor episode (its own breach).
        Assert.Equal(2, await TradingTestData.BreachRowsAsync(Fixture, ruleId));
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM risk_breaches WHERE order_id IS NOT NULL AND source = 'PreTrade'"));
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM risk_breaches WHERE order_id IS NULL AND source = 'Monitor'"));
    }

    [Fact]
    public async Task PlaceOrder_WhenItOnlyReducesAPosition_PassesABlockingRule()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        (await client.PostAsync("/api/v1/orders", Market("buy", 10m))).EnsureStatus(HttpStatusCode.Created);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 5m, ThresholdUnit.Shares, RiskAction.Block);

        (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureStatus(HttpStatusCode.UnprocessableEntity);
        (await client.PostAsync("/api/v1/orders", Market("sell", 4m))).EnsureStatus(HttpStatusCode.Created);

        // The refused buy's pre-trade breach, and the monitor's episode: after the sell's fill the 6 shares still exceed 5.
        Assert.Equal(2, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM risk_breaches WHERE source = 'Monitor'"));
    }

    [Fact]
    public async Task PlaceOrder_WithoutAQuote_IsBlockedClosed()
    {
        var client = await SignedInAsync();

        var response = (await client.PostAsync("/api/v1/orders", Market("buy", 1m, "NOQUOTE"))).EnsureProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("QUOTE_UNAVAILABLE", response.Body!["failure_code"]!.GetValue<string>());
        Assert.Contains("QUOTE_UNAVAILABLE", response.Body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(response.Body["breaches"]!.AsArray());
        Assert.Equal(0, await TradingTestData.PaperOrderCountAsync(Fixture));
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM orders"));
    }

    [Fact]
    public async Task PlaceOrder_WithAStaleQuote_IsBlockedClosed()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        await TradingTestData.AgeQuoteAsync(Fixture, "AAPL", TimeSpan.FromMinutes(10));

        var response = (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("QUOTE_STALE", response.Body!["failure_code"]!.GetValue<string>());
        Assert.Equal(0, await TradingTestData.PaperOrderCountAsync(Fixture));
    }

    [Fact]
    public async Task PlaceOrder_WithTheSameClientOrderId_Returns200WithTheSameOrderAndOneBrokerOrder()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);

        var first = (await client.PostAsync("/api/v1/orders", Market("buy", 3m, clientOrderId: "my-order-1"))).EnsureStatus(HttpStatusCode.Created).Body!;
        var again = (await client.PostAsync("/api/v1/orders", Market("buy", 3m, clientOrderId: "my-order-1"))).EnsureStatus(HttpStatusCode.OK).Body!;
        (await client.PostAsync("/api/v1/orders", Market("buy", 4m, clientOrderId: "my-order-1"))).EnsureProblem(HttpStatusCode.Conflict);

        Assert.Equal(first["id"]!.GetValue<Guid>(), again["id"]!.GetValue<Guid>());
        Assert.Equal("my-order-1", again["client_order_id"]!.GetValue<string>());
        Assert.Equal(1, await TradingTestData.PaperOrderCountAsync(Fixture));
        Assert.Equal(3m, Assert.Single((await TradingTestData.PaperAccountAsync(Fixture, client.UserId))!.Positions).Quantity);
    }

    [Fact]
    public async Task PlaceOrder_ConcurrentlyAgainstABlockRule_CountsEveryBreachExactly()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureStatus(HttpStatusCode.Created);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 500m, ThresholdUnit.Dollars, RiskAction.Block);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PostAsync("/api/v1/orders", Market("buy", 10m))));

        Assert.All(responses, r => r.EnsureProblem(HttpStatusCode.UnprocessableEntity));
        Assert.Equal(10, await TradingTestData.BreachRowsAsync(Fixture, ruleId));
        Assert.Equal(10, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        Assert.Equal(1, await TradingTestData.PaperOrderCountAsync(Fixture));
    }

    [Fact]
    public async Task PlaceOrder_ConcurrentAcceptedOrders_AllSucceedAndTheBooksAgree()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureStatus(HttpStatusCode.Created);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsync("/api/v1/orders", Market("buy", 1m))));

        // One user's orders are serialised by the trading lock: none loses a concurrency race.
        Assert.All(responses, r => r.EnsureStatus(HttpStatusCode.Created));
        Assert.Equal(9, await Fixture.CountAsync("SELECT COUNT(*) FROM orders"));
        Assert.Equal(9, await TradingTestData.PaperOrderCountAsync(Fixture));
        var account = (await TradingTestData.PaperAccountAsync(Fixture, client.UserId))!;
        Assert.Equal(9m, Assert.Single(account.Positions).Quantity);
        Assert.Equal(100_000m - 900m, account.Cash);
    }

    [Fact]
    public async Task PlaceOrder_ConcurrentOrders_CannotTogetherExceedALimitEachRespectsAlone()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 100m, ThresholdUnit.Shares, RiskAction.Block);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PostAsync("/api/v1/orders", Market("buy", 20m))));

        Assert.Equal(5, responses.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.Status == HttpStatusCode.UnprocessableEntity));
        var account = (await TradingTestData.PaperAccountAsync(Fixture, client.UserId))!;
        Assert.Equal(100m, Assert.Single(account.Positions).Quantity);
        Assert.Equal(5, await TradingTestData.BreachCountAsync(Fixture, ruleId));
    }

    [Fact]
    public async Task PlaceOrder_WhenTheBrokerCannotBeReached_Returns503WithTheReasonAndRecordsNothing()
    {
        await using var factory = new RiskPlatformApiFactory(
            Fixture.Provider, Fixture.ConnectionString, Fixture.Logs,
            services => services.AddScoped<RiskPlatform.Application.Common.Interfaces.IBrokerGateway, UnreachableBroker>());
        using var client = new ApiClient(factory.CreateClient());
        await client.SignInAsNewUserAsync($"user-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
        await PriceAsync("AAPL", 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 1m, ThresholdUnit.Dollars, RiskAction.Block);

        var response = (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureProblem(HttpStatusCode.ServiceUnavailable);
        var test = await client.PostAsync("/api/v1/risk-rules/test", new { symbol = "AAPL", order_qty = 1m });

        Assert.Equal("broker_unavailable", response.Body!["code"]!.GetValue<string>());
        Assert.Equal(UnreachableBroker.Reason, response.Body["detail"]!.GetValue<string>());
        test.EnsureProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(0, await TradingTestData.BreachRowsAsync(Fixture, ruleId));
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM orders"));
    }

    [Fact]
    public async Task CancelOrder_WhenOpen_ReturnsItCancelled_AndAFilledOrderIs409()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        var resting = (await client.PostAsync("/api/v1/orders", Limit("buy", 5m, 90m))).EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();
        var filled = (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();

        var cancelled = (await client.DeleteAsync($"/api/v1/orders/{resting}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.NotNull(cancelled["cancelled_at"]);
        (await client.DeleteAsync($"/api/v1/orders/{resting}")).EnsureProblem(HttpStatusCode.Conflict);
        (await client.DeleteAsync($"/api/v1/orders/{filled}")).EnsureProblem(HttpStatusCode.Conflict);

        // A quote that would have crossed the cancelled order fills nothing.
        await PriceAsync("AAPL", 80m);
        Assert.Equal("cancelled", (await client.GetAsync($"/api/v1/orders/{resting}")).Body!["status"]!.GetValue<string>());
        var paper = (await TradingTestData.PaperAccountAsync(Fixture, client.UserId))!;
        Assert.Equal(1m, Assert.Single(paper.Positions).Quantity);
    }

    [Fact]
    public async Task AnotherUsersOrder_IsNotFound()
    {
        var owner = await SignedInAsync();
        var intruder = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        var id = (await owner.PostAsync("/api/v1/orders", Limit("buy", 5m, 90m))).EnsureStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<Guid>();

        (await intruder.GetAsync($"/api/v1/orders/{id}")).EnsureProblem(HttpStatusCode.NotFound);
        (await intruder.DeleteAsync($"/api/v1/orders/{id}")).EnsureProblem(HttpStatusCode.NotFound);
        Assert.Empty((await intruder.GetAsync("/api/v1/orders")).EnsureStatus(HttpStatusCode.OK).Array);
        Assert.Equal("new", (await owner.GetAsync($"/api/v1/orders/{id}")).Body!["status"]!.GetValue<string>());
        (await owner.GetAsync($"/api/v1/orders/{Guid.NewGuid()}")).EnsureProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListOrders_FiltersByStatusAndSymbol_NewestFirst()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        await PriceAsync("MSFT", 50m);
        var first = (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).Body!["id"]!.GetValue<Guid>();
        var second = (await client.PostAsync("/api/v1/orders", Limit("buy", 1m, 40m, "MSFT"))).Body!["id"]!.GetValue<Guid>();
        var third = (await client.PostAsync("/api/v1/orders", Market("buy", 2m))).Body!["id"]!.GetValue<Guid>();

        Assert.Equal([third, second, first], Ids((await client.GetAsync("/api/v1/orders")).EnsureStatus(HttpStatusCode.OK).Array));
        Assert.Equal([third, first], Ids((await client.GetAsync("/api/v1/orders?status=filled")).Array));
        Assert.Equal([second], Ids((await client.GetAsync("/api/v1/orders?symbol=msft")).Array));
        Assert.Equal([second], Ids((await client.GetAsync("/api/v1/orders?limit=1&offset=1")).Array));
        (await client.GetAsync("/api/v1/orders?status=done")).EnsureValidationError("status");
        (await client.GetAsync("/api/v1/orders?limit=0")).EnsureValidationError("limit");
    }

    public static TheoryData<string, string> BadOrders => new()
    {
        { """{"side":"buy","qty":1}""", "symbol" },
        { """{"symbol":"AAPL","qty":1}""", "side" },
        { """{"symbol":"AAPL","side":"hold","qty":1}""", "side" },
        { """{"symbol":"AAPL","side":"buy","qty":0}""", "qty" },
        { """{"symbol":"AAPL","side":"buy"}""", "qty" },
        { """{"symbol":"AAPL","side":"buy","qty":1,"type":"limit"}""", "limit_price" },
        { """{"symbol":"AAPL","side":"buy","qty":1,"type":"market","limit_price":5}""", "limit_price" },
        { """{"symbol":"AAPL","side":"buy","qty":1,"time_in_force":"ioc"}""", "time_in_force" },
        { """{"symbol":"A A","side":"buy","qty":1}""", "symbol" },
        { """{"symbol":"AAPL","side":"buy","qty":10000000000000}""", "qty" },
        { """{"symbol":"AAPL","side":"buy","qty":1,"type":"limit","limit_price":10000000000}""", "limit_price" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task PlaceOrder_WhenInputIsBad_Returns400NamingTheField(string body, string field)
    {
        var client = await SignedInAsync();

        (await client.PostRawAsync("/api/v1/orders", body)).EnsureValidationError(field);
    }

    private static List<Guid> Ids(JsonArray array) => [.. array.Select(o => o!["id"]!.GetValue<Guid>())];

    private static string RuleTypeWire(RiskRuleType type) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString());
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class OrderTestsOnSqlite(SqliteApiFixture fixture) : OrderTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class OrderTestsOnPostgres(PostgresApiFixture fixture) : OrderTests(fixture);
