using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.Portfolio.Calendar;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

/// <summary>GET/PUT /api/v1/trading/day-convention: the per-user trading day (us_equities by default, utc, or an IANA time zone).</summary>
public abstract class TradingDayConventionTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Route = "/api/v1/trading/day-convention";

    private FakeTimeProvider _clock = null!;

    private static DateTime Utc(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private async Task PriceAsync(decimal price)
    {
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price })).EnsureStatus(HttpStatusCode.OK);
        await Fixture.MonitorIdleAsync();
    }

    /// <summary>A fresh user and the market feed, signed in on the real clock before it is frozen (see DailyLossReducingTests).</summary>
    private async Task<ApiClient> UserAndFeedAsync(string frozenAt)
    {
        var client = await SignedInAsync();
        await MarketFeedAsync();
        _clock = Fixture.Clock.Freeze(new DateTimeOffset(Utc(frozenAt)));
        return client;
    }

    [Fact]
    public async Task Get_ForANewUser_IsUsEquities_WithTheDayStartingAtTheNewYorkClose()
    {
        var client = await UserAndFeedAsync("2026-03-10T15:00:00Z"); // Tuesday 11:00 EDT

        var body = (await client.GetAsync(Route)).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("us_equities", body["convention"]!.GetValue<string>());
        Assert.Null(body["time_zone"]);
        Assert.Equal(Utc("2026-03-09T20:00:00Z"), body["current_day_start"]!.GetValue<DateTime>()); // Monday 16:00 EDT
        Assert.Equal(Utc("2026-03-10T20:00:00Z"), body["next_day_start"]!.GetValue<DateTime>());
        Assert.Null(await PortfolioTestData.StateAsync(Fixture, client.UserId)); // a query creates nothing
    }

    [Theory]
    [InlineData("utc", null, "2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z")]
    [InlineData("time_zone", "Asia/Tokyo", "2026-03-09T15:00:00Z", "2026-03-10T15:00:00Z")]
    [InlineData("time_zone", "Europe/London", "2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z")]
    [InlineData("time_zone", "America/Los_Angeles", "2026-03-10T07:00:00Z", "2026-03-11T07:00:00Z")] // PDT since 8 March
    [InlineData("us_equities", null, "2026-03-09T20:00:00Z", "2026-03-10T20:00:00Z")]
    public async Task Put_CreatesTheStateWithTheConvention_AndGetReadsItBack(string convention, string? timeZone, string dayStart, string nextDay)
    {
        var client = await UserAndFeedAsync("2026-03-10T10:00:00Z");

        var put = (await client.PutAsync(Route, new { convention, time_zone = timeZone })).EnsureStatus(HttpStatusCode.OK).Body!;
        var get = (await client.GetAsync(Route)).EnsureStatus(HttpStatusCode.OK).Body!;

        foreach (var body in new[] { put, get })
        {
            Assert.Equal(convention, body["convention"]!.GetValue<string>());
            Assert.Equal(timeZone, body["time_zone"]?.GetValue<string>());
            Assert.Equal(Utc(dayStart), body["current_day_start"]!.GetValue<DateTime>());
            Assert.Equal(Utc(nextDay), body["next_day_start"]!.GetValue<DateTime>());
        }

        var state = (await PortfolioTestData.StateAsync(Fixture, client.UserId))!;
        Assert.Equal((Utc(dayStart), Utc(nextDay)), (state.CurrentDayStart, state.NextDayStart));
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'SetTradingDayConvention'"));
    }

    /// <summary>
    /// Under Asia/Tokyo the day rolls at 15:00 UTC, five hours before the New York close: the 99,000 marked before it becomes the
    /// day-start equity (under us_equities the day would still start at 100,000).
    /// </summary>
    [Fact]
    public async Task DayStartEquity_RollsAtTheChosenTimeZonesMidnight()
    {
        var client = await UserAndFeedAsync("2026-03-10T10:00:00Z");
        await PriceAsync(100m);
        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 100m, type = "market", time_in_force = "day" }))
            .EnsureStatus(HttpStatusCode.Created);
        (await client.PutAsync(Route, new { convention = "time_zone", time_zone = "Asia/Tokyo" })).EnsureStatus(HttpStatusCode.OK);
        await PriceAsync(90m);
        var before = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(100_000m, before["day_start_equity"]!.GetValue<decimal>());

        _clock.SetUtcNow(new DateTimeOffset(Utc("2026-03-10T15:00:01Z")));
        var after = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(99_000m, after["day_start_equity"]!.GetValue<decimal>());
        Assert.Equal(0m, after["daily_pl"]!.GetValue<decimal>());
        Assert.Equal(Utc("2026-03-10T15:00:00Z"), (await PortfolioTestData.StateAsync(Fixture, client.UserId))!.NextDayStart); // reads store nothing

        await PriceAsync(90m); // the monitor, a writer, marks the state on the next quote and stores the roll
        var state = (await PortfolioTestData.StateAsync(Fixture, client.UserId))!;
        Assert.Equal((TradingDayKind.CalendarInTimeZone, "Asia/Tokyo"), (state.TradingDayKind, state.TimeZoneId));
        Assert.Equal(Utc("2026-03-11T15:00:00Z"), state.NextDayStart);
    }

    [Theory]
    [InlineData("time_zone", null)]
    [InlineData("time_zone", "")]
    [InlineData("time_zone", "Mars/Olympus_Mons")]
    [InlineData("time_zone", "Eastern Standard Time")]
    [InlineData("utc", "Europe/London")]
    [InlineData("us_equities", "America/New_York")]
    public async Task Put_WithAMissingUnknownOrUnexpectedTimeZone_Returns400NamingTimeZone(string convention, string? timeZone)
    {
        var client = await SignedInAsync();

        (await client.PutAsync(Route, new { convention, time_zone = timeZone })).EnsureValidationError("time_zone");

        Assert.Null(await PortfolioTestData.StateAsync(Fixture, client.UserId));
    }

    [Theory]
    [InlineData("""{"convention":"calendar"}""")]
    [InlineData("""{}""")]
    public async Task Put_WithAnUnknownOrMissingConvention_Returns400NamingConvention(string json)
    {
        var client = await SignedInAsync();

        using var request = new HttpRequestMessage(HttpMethod.Put, Route) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        (await client.SendAsync(request)).EnsureValidationError("convention");
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class TradingDayConventionTestsOnSqlite(SqliteApiFixture fixture) : TradingDayConventionTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class TradingDayConventionTestsOnPostgres(PostgresApiFixture fixture) : TradingDayConventionTests(fixture);
