using System.Net;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Application.MarketData.Commands.CompactMinuteBars;

namespace RiskPlatform.Api.FunctionalTests.MarketData;

/// <summary>
/// Minute bars: every quote also rolls into its symbol's bar of the UTC minute (beside the daily bar), read through the bars
/// endpoint with <c>interval=1m</c> by New York date, and deleted by the compaction once older than the retention (5 days).
/// </summary>
public abstract class MinuteBarTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task Quotes_AreRolledIntoTheBarOfTheirMinute_BesideTheDailyBar()
    {
        // Sign in first: tokens are checked against the real clock. New York is on EDT (UTC−4) from 8 March 2026.
        var feed = await MarketFeedAsync();
        var clock = Fixture.Clock.Freeze(new DateTimeOffset(2026, 3, 10, 14, 30, 10, TimeSpan.Zero));
        await QuoteAsync(feed, new { price = 100m });
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 14, 30, 40, TimeSpan.Zero));
        await QuoteAsync(feed, new { price = 103m });
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 14, 30, 59, TimeSpan.Zero));
        await QuoteAsync(feed, new { price = 99m });
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 14, 31, 0, TimeSpan.Zero));
        await QuoteAsync(feed, new { price = 101m });
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 14, 31, 30, TimeSpan.Zero));
        await QuoteAsync(feed, new { bid = 101m, ask = 102m });
        // 03:59 UTC on the 11th is still the 10th in New York; 04:00 is the 11th.
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 3, 59, 0, TimeSpan.Zero));
        await QuoteAsync(feed, new { price = 98m });
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 4, 0, 0, TimeSpan.Zero));
        await QuoteAsync(feed, new { price = 97m });

        var tenth = (await feed.GetAsync("/api/v1/market/bars/spy?interval=1m&from=2026-03-10&to=2026-03-10")).EnsureStatus(HttpStatusCode.OK).Body!;
        var today = (await feed.GetAsync("/api/v1/market/bars/SPY?interval=1m")).EnsureStatus(HttpStatusCode.OK).Body!;
        var daily = (await feed.GetAsync("/api/v1/market/bars/SPY?from=2026-03-10&to=2026-03-11")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(("SPY", "minute", "2026-03-10", "2026-03-10"), (
            tenth["symbol"]!.GetValue<string>(), tenth["interval"]!.GetValue<string>(), tenth["from"]!.GetValue<string>(), tenth["to"]!.GetValue<string>()));
        Assert.Equal(
        [
            ("2026-03-10T14:30:00Z", "2026-03-10", 100m, 103m, 99m, 99m, 0m),
            ("2026-03-10T14:31:00Z", "2026-03-10", 101m, 101.5m, 101m, 101.5m, 0m),
            ("2026-03-11T03:59:00Z", "2026-03-10", 98m, 98m, 98m, 98m, 0m),
        ], Bars(tenth));
        Assert.Equal([("2026-03-11T04:00:00Z", "2026-03-11", 97m, 97m, 97m, 97m, 0m)], Bars(today)); // the clock's New York date
        Assert.Equal("day", daily["interval"]!.GetValue<string>());
        var days = daily["bars"]!.AsArray();
        Assert.Equal((100m, 103m, 98m, 98m), (days[0]!["open"]!.GetValue<decimal>(), days[0]!["high"]!.GetValue<decimal>(), days[0]!["low"]!.GetValue<decimal>(), days[0]!["close"]!.GetValue<decimal>()));
        Assert.Null(days[0]!["at"]);
        Assert.Equal(2, days.Count);
    }

    [Fact]
    public async Task Compaction_DeletesTheMinuteBarsOlderThanTheRetention_AndKeepsTheDailyBars()
    {
        var feed = await MarketFeedAsync();
        var clock = Fixture.Clock.Freeze(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        await QuoteAsync(feed, new { price = 100m }, "QQQ");
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 15, 2, 0, TimeSpan.Zero));
        await QuoteAsync(feed, new { price = 101m }, "QQQ");
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 15, 1, 30, TimeSpan.Zero));
        await QuoteAsync(feed, new { price = 102m }, "QQQ");

        // Five days before 15:01:30 on the 9th is 15:01 on the 4th: the 2nd's bar goes, the 4th's (15:02) stays.
        var deleted = await CompactAsync();
        var again = await CompactAsync();

        Assert.Equal((1, 0), (deleted, again));
        Assert.Equal(2, await Fixture.CountAsync("SELECT COUNT(*) FROM minute_bars WHERE symbol = 'QQQ'"));
        Assert.Equal(3, await Fixture.CountAsync("SELECT COUNT(*) FROM price_bars WHERE symbol = 'QQQ'"));
        var left = (await feed.GetAsync("/api/v1/market/bars/QQQ?interval=1m&from=2026-03-01&to=2026-03-09")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(["2026-03-04T15:02:00Z", "2026-03-09T15:01:00Z"], left["bars"]!.AsArray().Select(b => b!["at"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/v1/market/bars/AAPL?interval=5m", "interval")]
    [InlineData("/api/v1/market/bars/AAPL?interval=1M", "interval")]
    [InlineData("/api/v1/market/bars/AAPL?interval=1m&from=2026-01-01&to=2026-02-02", "to")]
    [InlineData("/api/v1/market/bars/AAPL?interval=1m&from=2026-02-02&to=2026-02-01", "from")]
    public async Task GetBars_WhenTheIntervalOrItsRangeIsBad_Returns400NamingTheField(string url, string field)
    {
        var client = await SignedInAsync();

        (await client.GetAsync(url)).EnsureValidationError(field);
    }

    [Fact]
    public async Task GetBars_OfMinutesOverTheLongestRange_IsAccepted()
    {
        var client = await SignedInAsync();

        var got = (await client.GetAsync("/api/v1/market/bars/AAPL?interval=1m&from=2026-01-01&to=2026-02-01")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Empty(got["bars"]!.AsArray());
    }

    private static async Task QuoteAsync(ApiClient feed, object quote, string symbol = "SPY") =>
        (await feed.PutAsync($"/api/v1/market/quotes/{symbol}", quote)).EnsureStatus(HttpStatusCode.OK);

    private async Task<int> CompactAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CompactMinuteBarsCommand(), TestContext.Current.CancellationToken);
    }

    private static List<(string At, string Date, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)> Bars(JsonNode body) =>
        [.. body["bars"]!.AsArray().Select(b => (
            b!["at"]!.GetValue<string>(), b["date"]!.GetValue<string>(), b["open"]!.GetValue<decimal>(), b["high"]!.GetValue<decimal>(),
            b["low"]!.GetValue<decimal>(), b["close"]!.GetValue<decimal>(), b["volume"]!.GetValue<decimal>()))];
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class MinuteBarTestsOnSqlite(SqliteApiFixture fixture) : MinuteBarTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class MinuteBarTestsOnPostgres(PostgresApiFixture fixture) : MinuteBarTests(fixture);
