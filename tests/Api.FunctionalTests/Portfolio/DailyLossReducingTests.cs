using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

/// <summary>
/// max_daily_loss with block: the monitor puts the account in reducing until the next US-equities trading day (16:00 New York),
/// on a frozen clock, across the weekends of the 2026 DST changes (Sunday 8 March, Sunday 1 November).
/// </summary>
public abstract class DailyLossReducingTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private FakeTimeProvider _clock = null!;

    private static object Market(string side, decimal qty) => new { symbol = "AAPL", side, qty, type = "market", time_in_force = "day" };

    private async Task PriceAsync(ApiClient client, decimal price)
    {
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price })).EnsureStatus(HttpStatusCode.OK);
        await Fixture.MonitorIdleAsync();
    }

    /// <summary>
    /// A fresh user and the market feed, both signed in on the real clock: a token issued while the clock is frozen in the
    /// past has already expired by the time the real clock validates it.
    /// </summary>
    private async Task<ApiClient> UserAndFeedAsync()
    {
        var client = await SignedInAsync();
        await MarketFeedAsync();
        return client;
    }

    private async Task<ApiResponse> OrderAsync(ApiClient client, string side, decimal qty)
    {
        var response = await client.PostAsync("/api/v1/orders", Market(side, qty));
        await Fixture.MonitorIdleAsync();
        return response;
    }

    private static async Task<string> StateAsync(ApiClient client) =>
        (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!["state"]!.GetValue<string>();

    private void SetTime(string utc) =>
        _clock.SetUtcNow(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));

    /// <summary>
    /// Friday after the close: the breach; the next day starts Monday 16:00 New York, which is 20:00 UTC after the March change
    /// (EDT) and 21:00 UTC after the November change (EST). A clock that ignored DST would be an hour off either way.
    /// </summary>
    [Theory]
    [InlineData("2026-03-06T22:00:00Z", "2026-03-09T19:59:00Z", "2026-03-09T20:00:00Z")]
    [InlineData("2026-10-30T22:00:00Z", "2026-11-02T20:59:00Z", "2026-11-02T21:00:00Z")]
    public async Task DailyLossBlock_KeepsTheAccountReducing_UntilTheNextTradingDay_AcrossADstChange(
        string breachAt, string lastReducingAt, string nextDayAt)
    {
        var client = await UserAndFeedAsync();
        _clock = Fixture.Clock.Freeze(DateTimeOffset.Parse(breachAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
        await PriceAsync(client, 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDailyLoss, 5m, ThresholdUnit.Percent, RiskAction.Block);
        (await OrderAsync(client, "buy", 100m)).EnsureStatus(HttpStatusCode.Created);

        // 100 × (100 − 40) = 6,000 lost: 6 % of the 100,000 the day started with.
        await PriceAsync(client, 40m);

        Assert.Equal("reducing", await StateAsync(client));
        var state = await PortfolioTestData.StateAsync(Fixture, client.UserId);
        Assert.Equal(DateTime.Parse(nextDayAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), state!.ReducingUntil);
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        var refused = (await OrderAsync(client, "buy", 1m)).EnsureProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("TRADING_REDUCING", refused.Body!["code"]!.GetValue<string>());
        (await OrderAsync(client, "sell", 10m)).EnsureStatus(HttpStatusCode.Created);
        Assert.Empty(await MonitorTestData.ActionsAsync(Fixture, client.UserId));

        SetTime(lastReducingAt);
        await PriceAsync(client, 40m);
        Assert.Equal("reducing", await StateAsync(client));
        var stillRefused = (await OrderAsync(client, "buy", 1m)).EnsureProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("TRADING_REDUCING", stillRefused.Body!["code"]!.GetValue<string>());

        SetTime(nextDayAt);
        await PriceAsync(client, 40m);

        Assert.Equal("active", await StateAsync(client));
        (await OrderAsync(client, "buy", 1m)).EnsureStatus(HttpStatusCode.Created);
        Assert.Equal(1, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        var episode = Assert.Single(await MonitorTestData.EpisodesAsync(Fixture, client.UserId));
        Assert.Equal(EpisodeEndReason.WindowReset, episode.EndReason);
        var notices = (await client.GetAsync("/api/v1/notifications?type=trading_halted")).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal(2, notices.Count); // entered reducing, then back to active
    }

    [Fact]
    public async Task DailyLossBlock_OnTheNextTradingDay_TheFirstOrderPasses_AndTheAccountIsActive()
    {
        var client = await UserAndFeedAsync();
        _clock = Fixture.Clock.Freeze(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero)); // Tuesday 11:00 New York
        await PriceAsync(client, 100m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDailyLoss, 5m, ThresholdUnit.Percent, RiskAction.Block);
        (await OrderAsync(client, "buy", 100m)).EnsureStatus(HttpStatusCode.Created);
        await PriceAsync(client, 40m);
        Assert.Equal("reducing", await StateAsync(client));

        // Tuesday 16:00 EDT = 20:00 UTC starts Wednesday's trading day; the quote is refreshed without a monitor run in between.
        SetTime("2026-03-10T20:00:01Z");
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 40m })).EnsureStatus(HttpStatusCode.OK);
        var bought = await client.PostAsync("/api/v1/orders", Market("buy", 1m));

        bought.EnsureStatus(HttpStatusCode.Created);
        await Fixture.MonitorIdleAsync();
        Assert.Equal("active", await StateAsync(client));
    }

    /// <summary>
    /// GET /trading/state is a query: once the reducing window has lapsed it reads as active (since the window's end) even though
    /// no mark has rewritten the stored row yet.
    /// </summary>
    [Fact]
    public async Task GetState_AfterTheReducingWindowLapsed_WithoutAMark_IsActive_AndTheRowIsUntouched()
    {
        var client = await UserAndFeedAsync();
        _clock = Fixture.Clock.Freeze(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero)); // Tuesday 11:00 New York
        await PriceAsync(client, 100m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDailyLoss, 5m, ThresholdUnit.Percent, RiskAction.Block);
        (await OrderAsync(client, "buy", 100m)).EnsureStatus(HttpStatusCode.Created);
        await PriceAsync(client, 40m);
        var reducing = (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("reducing", reducing["state"]!.GetValue<string>());
        var until = reducing["reducing_until"]!.GetValue<DateTime>();
        Assert.Equal(new DateTime(2026, 3, 10, 20, 0, 0, DateTimeKind.Utc), until);

        SetTime("2026-03-10T20:00:01Z");
        var lapsed = (await client.GetAsync("/api/v1/trading/state")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("active", lapsed["state"]!.GetValue<string>());
        Assert.Equal(PortfolioState.ReducingEndedReason, lapsed["reason"]!.GetValue<string>());
        Assert.Equal(until, lapsed["since"]!.GetValue<DateTime>());
        Assert.Null(lapsed["reducing_until"]);
        Assert.Equal(TradingState.Reducing, (await PortfolioTestData.StateAsync(Fixture, client.UserId))!.TradingState);
    }

    /// <summary>
    /// The order path judges max_daily_loss from the portfolio state's day start (the previous 16:00 New York close), as the
    /// monitor does, not from the paper broker's UTC calendar day: after Tuesday's close the state's day starts at 99,700 while the
    /// broker's still starts at 100,000.
    /// </summary>
    [Fact]
    public async Task PreTradeDailyLoss_UsesThePortfolioStatesDayStart_NotTheBrokers()
    {
        var client = await UserAndFeedAsync();
        _clock = Fixture.Clock.Freeze(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero));
        await PriceAsync(client, 100m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxDailyLoss, 3m, ThresholdUnit.Percent, RiskAction.Block);
        (await OrderAsync(client, "buy", 100m)).EnsureStatus(HttpStatusCode.Created);
        SetTime("2026-03-10T15:30:00Z");
        await PriceAsync(client, 97m); // equity 99,700
        SetTime("2026-03-10T20:30:00Z"); // after 16:00 EDT: Wednesday's trading day, still Tuesday in UTC
        await PriceAsync(client, 97m);

        // Equity 96,950: 2,750 below the state's 99,700 (2.76 %), 3,050 below the broker's 100,000 (3.05 %).
        await PriceAsync(client, 69.5m);
        var bought = await OrderAsync(client, "buy", 1m);

        bought.EnsureStatus(HttpStatusCode.Created);
        Assert.Equal(99_700m, (await PortfolioTestData.StateAsync(Fixture, client.UserId))!.DayStartEquity);
        Assert.Equal(100_000m, (await TradingTestData.PaperAccountAsync(Fixture, client.UserId))!.DayStartEquity);
        Assert.Equal(0, await TradingTestData.BreachCountAsync(Fixture, ruleId));
        Assert.Equal("active", await StateAsync(client));
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class DailyLossReducingTestsOnSqlite(SqliteApiFixture fixture) : DailyLossReducingTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class DailyLossReducingTestsOnPostgres(PostgresApiFixture fixture) : DailyLossReducingTests(fixture);
