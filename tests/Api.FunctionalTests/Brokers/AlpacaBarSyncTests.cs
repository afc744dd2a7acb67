using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Domain.MarketData.History;
using RiskPlatform.Infrastructure.MarketData;
using static RiskPlatform.Api.FunctionalTests.Brokers.AlpacaTrading;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>
/// Alpaca's historical bars (<c>Brokers:Alpaca:DataUrl</c>, GET /v2/stocks/bars) fill the stored history for the symbols of
/// Alpaca-bound users: every page is read, only what the history lacks is asked for, a failing broker skips its user, and a
/// paper user's symbols are never asked for.
/// </summary>
public abstract class AlpacaBarSyncTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string BarsRoute = "GET /v2/stocks/bars";

    private static readonly Dictionary<string, string?> NoBackgroundSync = new()
    {
        ["Brokers:Alpaca:BarSyncInterval"] = "00:00:00",
        ["Brokers:Alpaca:BarHistoryDays"] = "60",
    };

    [Fact]
    public async Task Sync_StoresTheBarsOfABoundUsersSymbols_ReadingEveryPage_AndAsksOnlyForWhatIsMissingNextTime()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, NoBackgroundSync);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        var sim = host.Alpaca.Simulator;
        sim.SetPosition("AAPL", 10m, 100m);
        sim.SetQuote("AAPL", 100m, 100m);
        var yesterday = PriceBar.TradingDateOf(DateTime.UtcNow).AddDays(-1);
        var days = BusinessDays(yesterday, 30);
        sim.SetBars("AAPL", [.. days.Select((d, t) => new FakeAlpacaBar(d, 100 + t, 102 + t, 99 + t, 101 + t, 1_000 + t))]);
        sim.MaxBarsPerPage = 7;

        var first = await SyncAsync(host);

        // 60 days back from yesterday hold all 30 bars: five pages of 7 and one of 2.
        Assert.Equal((1, 1, 30, 0, 0), (first.Users, first.Symbols, first.Added, first.Replaced, first.FailedUsers));
        var requests = host.Alpaca.ReceivedOn(BarsRoute);
        Assert.Equal(5, requests.Count);
        Assert.Contains($"start={yesterday.AddDays(-59):yyyy-MM-dd}", requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.Contains($"end={yesterday:yyyy-MM-dd}", requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("page_token=28", requests[^1].PathAndQuery, StringComparison.Ordinal);
        var bars = (await client.GetAsync($"/api/v1/market/bars/AAPL?from={days[0]:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}"))
            .EnsureStatus(HttpStatusCode.OK).Body!["bars"]!.AsArray();
        Assert.Equal(days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), bars.Select(b => b!["date"]!.GetValue<string>()));
        Assert.Equal((100m, 102m, 99m, 101m, 1_000m), (
            bars[0]!["open"]!.GetValue<decimal>(), bars[0]!["high"]!.GetValue<decimal>(), bars[0]!["low"]!.GetValue<decimal>(),
            bars[0]!["close"]!.GetValue<decimal>(), bars[0]!["volume"]!.GetValue<decimal>()));

        // Nothing is missing up to yesterday; the window's first weeks have no bar at Alpaca either, so they are asked for again
        // (the stored history begins 30 business days back, more than a week after the window's start) — and stay empty.
        var second = await SyncAsync(host);
        Assert.Equal((0, 0), (second.Added, second.Replaced));
        var again = host.Alpaca.ReceivedOn(BarsRoute).Skip(requests.Count).ToList();
        Assert.All(again, r => Assert.Contains($"end={days[0].AddDays(-1):yyyy-MM-dd}", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_WhenAlpacaFails_SkipsTheUser_AndAPaperUsersSymbolsAreNeverAskedFor()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, NoBackgroundSync);
        using var bound = await host.SignedInAsync();
        await BindNewKeyAsync(bound);
        host.Alpaca.Simulator.SetPosition("MSFT", 5m, 50m);
        host.Alpaca.Simulator.FailNext(BarsRoute, new FakeAlpacaFailure(500, "internal server error"), times: 10);
        using var paper = await host.SignedInAsync();
        var feed = await MarketFeedAsync();
        (await feed.PutAsync("/api/v1/market/quotes/TSLA", new { price = 10m })).EnsureStatus(HttpStatusCode.OK);
        (await paper.PostAsync("/api/v1/orders", new { symbol = "TSLA", side = "buy", qty = 1m, type = "market", time_in_force = "day" }))
            .EnsureStatus(HttpStatusCode.Created);

        var result = await SyncAsync(host);

        Assert.Equal((1, 1, 0), (result.Users, result.FailedUsers, result.Added));
        Assert.DoesNotContain(host.Alpaca.ReceivedOn(BarsRoute), r => r.PathAndQuery.Contains("TSLA", StringComparison.Ordinal));
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM price_bars WHERE symbol = 'MSFT'"));
    }

    [Fact]
    public async Task Sync_OfASymbolWhoseClosesAreKept_MakesTheKeptClosesReadAgain()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, NoBackgroundSync);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetPosition("AAPL", 1m, 100m);
        var now = DateTime.UtcNow;
        var days = BusinessDays(PriceBar.TradingDateOf(now).AddDays(-1), 3);
        var kept = host.Factory.Services.GetRequiredService<IKeptDailyCloses>();
        var before = await kept.BeforeTodayAsync(["AAPL"], days[0].AddDays(-7), now, TestContext.Current.CancellationToken);
        host.Alpaca.Simulator.SetBars("AAPL", [.. days.Select((d, t) => new FakeAlpacaBar(d, 10m, 13m, 9m, 10m + t, 5m))]);

        await SyncAsync(host);
        var after = await kept.BeforeTodayAsync(["AAPL"], days[0].AddDays(-7), now, TestContext.Current.CancellationToken);

        // Kept as "no history" before the sync; the sync's import forgets that, so the next read finds Alpaca's bars.
        Assert.False(before.ContainsKey("AAPL"));
        Assert.Equal([(days[0], 10m), (days[1], 11m), (days[2], 12m)], after["AAPL"]);
    }

    [Fact]
    public async Task SyncBarsCommand_RunsTheSyncOnce_AndReportsIt()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture, NoBackgroundSync);
        using var client = await host.SignedInAsync();
        await BindNewKeyAsync(client);
        host.Alpaca.Simulator.SetPosition("AAPL", 1m, 100m);
        var yesterday = PriceBar.TradingDateOf(DateTime.UtcNow).AddDays(-1);
        host.Alpaca.Simulator.SetBars("AAPL", [.. BusinessDays(yesterday, 3).Select(d => new FakeAlpacaBar(d, 10m, 11m, 9m, 10m, 5m))]);
        using var output = new StringWriter();

        var exit = await MarketCommandLine.RunAsync(host.Factory.Services, ["market", "sync-bars"], output, output, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("1 users, 1 symbols; 3 bars added, 0 replaced; 0 users failed", output.ToString(), StringComparison.Ordinal);
    }

    private static Task<BrokerBarSyncResult> SyncAsync(AlpacaHost host) =>
        host.Factory.Services.GetRequiredService<BrokerBarSync>().RunAsync(TestContext.Current.CancellationToken);

    /// <summary>The last <paramref name="count"/> business days up to <paramref name="last"/>, oldest first.</summary>
    private static List<DateOnly> BusinessDays(DateOnly last, int count)
    {
        var days = new List<DateOnly>();
        for (var d = last; days.Count < count; d = d.AddDays(-1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(d);
            }
        }

        days.Reverse();
        return days;
    }
}

[Collection(nameof(SqliteBrokerCollection))]
public sealed class AlpacaBarSyncTestsOnSqlite(SqliteApiFixture fixture) : AlpacaBarSyncTests(fixture);

[Collection(nameof(PostgresBrokerCollection))]
public sealed class AlpacaBarSyncTestsOnPostgres(PostgresApiFixture fixture) : AlpacaBarSyncTests(fixture);
