using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

/// <summary>
/// The queries that answer "what would an order meet" — <c>POST /risk-rules/test</c> and <c>GET /risk-rules/max-quantity</c> —
/// apply the trading state exactly like <c>POST /orders</c>; a new portfolio state starts from the broker's baselines.
/// </summary>
public abstract class TradingStateGateTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static object Market(string side, decimal qty) => new { symbol = "AAPL", side, qty, type = "market", time_in_force = "day" };

    private async Task PriceAsync(decimal price)
    {
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price })).EnsureStatus(HttpStatusCode.OK);
        await Fixture.MonitorIdleAsync();
    }

    /// <summary>A user long 10 AAPL at 100 with a portfolio state (created by the metrics call), no rules.</summary>
    private async Task<ApiClient> LongTenAsync()
    {
        var client = await SignedInAsync();
        await PriceAsync(100m);
        (await client.PostAsync("/api/v1/orders", Market("buy", 10m))).EnsureStatus(HttpStatusCode.Created);
        (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK);
        return client;
    }

    private static async Task<JsonNode> TestAsync(ApiClient client, string side, decimal qty) =>
        (await client.PostAsync("/api/v1/risk-rules/test", new { symbol = "AAPL", side, order_qty = qty })).EnsureStatus(HttpStatusCode.OK).Body!;

    private static async Task<JsonNode> MaxAsync(ApiClient client, string side) =>
        (await client.GetAsync($"/api/v1/risk-rules/max-quantity?symbol=AAPL&side={side}")).EnsureStatus(HttpStatusCode.OK).Body!;

    [Theory]
    [InlineData("buy")]
    [InlineData("sell")]
    public async Task RiskTest_WhenHalted_WouldBlockWithTheOrderPathsCode(string side)
    {
        var client = await LongTenAsync();
        (await client.PostAsync("/api/v1/trading/halt")).EnsureStatus(HttpStatusCode.OK);

        var test = await TestAsync(client, side, 1m);
        var order = (await client.PostAsync("/api/v1/orders", Market(side, 1m))).EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!;

        Assert.True(test["would_block"]!.GetValue<bool>());
        Assert.Equal("blocked", test["outcome"]!.GetValue<string>());
        Assert.Equal("TRADING_HALTED", test["failure_code"]!.GetValue<string>());
        Assert.Equal(order["code"]!.GetValue<string>(), test["failure_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task RiskTest_WhenReducing_WouldBlockOrdersAddingExposure_ButNotThoseThatShrinkThePosition()
    {
        var client = await LongTenAsync();
        await PortfolioTestData.EnterReducingAsync(Fixture, client.UserId, "MAX_DAILY_LOSS");

        var adding = await TestAsync(client, "buy", 1m);
        var flipping = await TestAsync(client, "sell", 11m);
        var shrinking = await TestAsync(client, "sell", 4m);

        Assert.Equal((true, "TRADING_REDUCING"), (adding["would_block"]!.GetValue<bool>(), adding["failure_code"]!.GetValue<string>()));
        Assert.Equal((true, "TRADING_REDUCING"), (flipping["would_block"]!.GetValue<bool>(), flipping["failure_code"]!.GetValue<string>()));
        Assert.False(shrinking["would_block"]!.GetValue<bool>());
        Assert.Null(shrinking["failure_code"]);
    }

    [Theory]
    [InlineData("buy")]
    [InlineData("sell")]
    public async Task MaxQuantity_WhenHalted_IsZero_BoundByTheHaltedState(string side)
    {
        var client = await LongTenAsync();
        (await client.PostAsync("/api/v1/trading/halt")).EnsureStatus(HttpStatusCode.OK);

        var max = await MaxAsync(client, side);

        Assert.Equal(0m, max["max_quantity"]!.GetValue<decimal>());
        Assert.Equal("halted", max["binding_trading_state"]!.GetValue<string>());
        Assert.Equal("TRADING_HALTED", max["failure_code"]!.GetValue<string>());
        Assert.Null(max["binding_rule_id"]);
    }

    [Fact]
    public async Task MaxQuantity_WhenReducing_IsZeroForASideAddingExposure_AndThePositionForTheSideShrinkingIt()
    {
        var client = await LongTenAsync();
        var before = await MaxAsync(client, "buy");
        await PortfolioTestData.EnterReducingAsync(Fixture, client.UserId, "MAX_DAILY_LOSS");

        var buy = await MaxAsync(client, "buy");
        var sell = await MaxAsync(client, "sell");

        Assert.Null(before["max_quantity"]); // no rule limits it while active
        Assert.Equal((0m, "reducing", "TRADING_REDUCING"), (buy["max_quantity"]!.GetValue<decimal>(), buy["binding_trading_state"]!.GetValue<string>(), buy["failure_code"]!.GetValue<string>()));
        Assert.Equal((10m, "reducing"), (sell["max_quantity"]!.GetValue<decimal>(), sell["binding_trading_state"]!.GetValue<string>()));
        Assert.True(sell["limited_by_reduce_only"]!.GetValue<bool>());
        Assert.Null(sell["failure_code"]);
    }

    /// <summary>
    /// The account's first order creates its portfolio state from the broker's day-start equity and high-water mark (100,000);
    /// a loss after it is measured from there, and reading the figures stores nothing (the state is the one the order made).
    /// </summary>
    [Fact]
    public async Task NewPortfolioState_StartsFromTheBrokersDayStartAndHighWaterMark_NotTheCurrentEquity()
    {
        var client = await SignedInAsync();
        await PriceAsync(100m);
        Assert.Null(await PortfolioTestData.StateAsync(Fixture, client.UserId));
        (await client.PostAsync("/api/v1/orders", Market("buy", 100m))).EnsureStatus(HttpStatusCode.Created);
        Assert.NotNull(await PortfolioTestData.StateAsync(Fixture, client.UserId));
        await PriceAsync(90m);

        var risk = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(99_000m, risk["account_value"]!.GetValue<decimal>());
        Assert.Equal(100_000m, risk["day_start_equity"]!.GetValue<decimal>());
        Assert.Equal(-1_000m, risk["daily_pl"]!.GetValue<decimal>());
        Assert.Equal(100_000m, risk["high_water_mark"]!.GetValue<decimal>());
        Assert.Equal(1m, risk["current_drawdown_percent"]!.GetValue<decimal>());
        Assert.Equal(1m, risk["max_drawdown_percent"]!.GetValue<decimal>());
        var state = (await PortfolioTestData.StateAsync(Fixture, client.UserId))!;
        Assert.Equal((100_000m, 100_000m), (state.DayStartEquity, state.HighWaterMark));
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class TradingStateGateTestsOnSqlite(SqliteApiFixture fixture) : TradingStateGateTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class TradingStateGateTestsOnPostgres(PostgresApiFixture fixture) : TradingStateGateTests(fixture);
