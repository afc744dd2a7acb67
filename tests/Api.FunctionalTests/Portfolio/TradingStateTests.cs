using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

public abstract class TradingStateTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static object Market(string side, decimal qty, string symbol = "AAPL") =>
        new { symbol, side, qty, type = "market", time_in_force = "day" };

    private async Task PriceAsync(string symbol, decimal price) =>
        (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);

    [Fact]
    public async Task GetState_ForANewUser_IsActiveWithoutReason()
    {
        var client = await SignedInAsync();

        var body = (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("active", body["state"]!.GetValue<string>());
        Assert.Null(body["reason"]);
    }

    [Fact]
    public async Task HaltThenResume_RefusesOrdersWhileHalted_AndAcceptsThemAfter()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);

        var halted = (await client.PostAsync("/api/v1/trading/halt", new { reason = "stepping away" })).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("halted", halted["state"]!.GetValue<string>());
        Assert.Equal("stepping away", halted["reason"]!.GetValue<string>());
        var state = (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("halted", state["state"]!.GetValue<string>());
        Assert.NotNull(state["since"]);

        var refused = (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("TRADING_HALTED", refused.Body!["code"]!.GetValue<string>());
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM orders"));
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM paper_orders"));

        var resumed = (await client.PostAsync("/api/v1/trading/resume")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("active", resumed["state"]!.GetValue<string>());
        var accepted = (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Equal("filled", accepted["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Halt_WithoutABody_UsesTheDefaultReason_AndTwiceStaysHalted()
    {
        var client = await SignedInAsync();

        (await client.PostAsync("/api/v1/trading/halt")).EnsureStatus(HttpStatusCode.OK);
        var again = (await client.PostAsync("/api/v1/trading/halt", new { reason = "again" })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("halted", again["state"]!.GetValue<string>());
        Assert.Equal("MANUAL_HALT", again["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resume_WhenNotHalted_Returns409()
    {
        var client = await SignedInAsync();

        var never = (await client.PostAsync("/api/v1/trading/resume")).EnsureProblem(HttpStatusCode.Conflict);
        (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK);
        var active = (await client.PostAsync("/api/v1/trading/resume")).EnsureProblem(HttpStatusCode.Conflict);

        Assert.Equal("TRADING_NOT_HALTED", never.Body!["code"]!.GetValue<string>());
        Assert.Equal("TRADING_NOT_HALTED", active.Body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resume_AfterALoss_RebaselinesTheHighWaterMarkToCurrentEquity()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        (await client.PostAsync("/api/v1/orders", Market("buy", 100m))).EnsureStatus(HttpStatusCode.Created);
        (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK);
        await PriceAsync("AAPL", 90m);
        (await client.PostAsync("/api/v1/trading/halt")).EnsureStatus(HttpStatusCode.OK);

        (await client.PostAsync("/api/v1/trading/resume")).EnsureStatus(HttpStatusCode.OK);
        var risk = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(99_000m, risk["high_water_mark"]!.GetValue<decimal>());
        Assert.Equal(0m, risk["current_drawdown_percent"]!.GetValue<decimal>());
        Assert.Equal(1m, risk["max_drawdown_percent"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task HaltAndResume_EachRaiseATradingHaltedNotification_UrgentForTheHalt()
    {
        var client = await SignedInAsync();

        (await client.PostAsync("/api/v1/trading/halt", new { reason = "kill switch" })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/trading/resume")).EnsureStatus(HttpStatusCode.OK);

        var notifications = (await client.GetAsync("/api/v1/notifications?type=trading_halted")).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal(2, notifications.Count);
        var priorities = notifications.Select(n => n!["priority"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["medium", "urgent"], priorities);
        Assert.All(notifications, n => Assert.Equal("trading_halted", n!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reducing_RefusesOrdersAddingExposure_ButLetsAPositionShrink()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        (await client.PostAsync("/api/v1/orders", Market("buy", 10m))).EnsureStatus(HttpStatusCode.Created);
        (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK);
        await PortfolioTestData.EnterReducingAsync(Fixture, client.UserId, "MAX_DAILY_LOSS");

        var adding = (await client.PostAsync("/api/v1/orders", Market("buy", 1m))).EnsureProblem(HttpStatusCode.UnprocessableEntity);
        var flipping = (await client.PostAsync("/api/v1/orders", Market("sell", 11m))).EnsureProblem(HttpStatusCode.UnprocessableEntity);
        var shrinking = (await client.PostAsync("/api/v1/orders", Market("sell", 4m))).EnsureStatus(HttpStatusCode.Created).Body!;

        Assert.Equal("TRADING_REDUCING", adding.Body!["code"]!.GetValue<string>());
        Assert.Equal("TRADING_REDUCING", flipping.Body!["code"]!.GetValue<string>());
        Assert.Equal("filled", shrinking["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Halt_WithATooLongReason_Returns400NamingTheField()
    {
        var client = await SignedInAsync();

        var response = (await client.PostAsync("/api/v1/trading/halt", new { reason = new string('x', 501) })).EnsureProblem(HttpStatusCode.BadRequest);

        Assert.Contains("reason", response.Body!.ToJsonString(), StringComparison.Ordinal);
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class TradingStateTestsOnSqlite(SqliteApiFixture fixture) : TradingStateTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class TradingStateTestsOnPostgres(PostgresApiFixture fixture) : TradingStateTests(fixture);
