using System.Net;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.MarketData;

/// <summary>Daily bars: the operator's CSV import (line-numbered rejections, idempotent re-import), quotes rolled into the day's bar, and the read.</summary>
public abstract class PriceHistoryTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Header = "symbol,date,open,high,low,close,volume";

    [Fact]
    public async Task ImportBars_ThenGetBars_ReturnsThemOldestFirst()
    {
        var (exit, output) = await ImportBarsAsync(
            Header,
            "aapl,2026-01-05,100,110,95,105,1000",
            "AAPL,2026-01-02,98.5,101,97,100,1500.5",
            "MSFT,2026-01-02,400,401,399,400,10");

        Assert.Equal(0, exit);
        Assert.Contains("3 bars added, 0 replaced, 0 unchanged; 0 rows rejected", output, StringComparison.Ordinal);
        var client = await SignedInAsync();
        var got = (await client.GetAsync("/api/v1/market/bars/aapl?from=2026-01-01&to=2026-01-31")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("AAPL", got["symbol"]!.GetValue<string>());
        Assert.Equal("day", got["interval"]!.GetValue<string>());
        var bars = got["bars"]!.AsArray();
        Assert.Equal(["2026-01-02", "2026-01-05"], bars.Select(b => b!["date"]!.GetValue<string>()));
        Assert.Equal((98.5m, 101m, 97m, 100m, 1500.5m), (
            bars[0]!["open"]!.GetValue<decimal>(), bars[0]!["high"]!.GetValue<decimal>(), bars[0]!["low"]!.GetValue<decimal>(),
            bars[0]!["close"]!.GetValue<decimal>(), bars[0]!["volume"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task ImportBars_Twice_ChangesNothingTheSecondTime_AndANewValueReplaces()
    {
        string[] rows = [Header, "AAPL,2026-01-02,100,110,95,105,1000", "AAPL,2026-01-05,105,106,104,105,900"];
        await ImportBarsAsync(rows);

        var (again, output) = await ImportBarsAsync(rows);
        var (changed, changedOutput) = await ImportBarsAsync(Header, "AAPL,2026-01-05,105,107,104,106,950");

        Assert.Equal((0, 0), (again, changed));
        Assert.Contains("0 bars added, 0 replaced, 2 unchanged", output, StringComparison.Ordinal);
        Assert.Contains("0 bars added, 1 replaced, 0 unchanged", changedOutput, StringComparison.Ordinal);
        Assert.Equal(2, await Fixture.CountAsync("SELECT COUNT(*) FROM price_bars"));
        var bars = (await (await SignedInAsync()).GetAsync("/api/v1/market/bars/AAPL?from=2026-01-01&to=2026-01-31"))
            .EnsureStatus(HttpStatusCode.OK).Body!["bars"]!.AsArray();
        Assert.Equal(106m, bars[1]!["close"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task ImportBars_WithBadRows_RejectsEachWithItsLineNumber_AndStoresTheGoodOnes()
    {
        var (exit, output) = await ImportBarsAsync(
            Header,
            "AAPL,2026-01-02,100,110,95,105,1000",
            "AAPL,02/01/2026,100,110,95,105,1000",
            "AAPL,2026-01-06,100,90,95,105,1000",
            "BAD*SYM,2026-01-06,100,110,95,105,1000",
            "AAPL,2026-01-07,abc,110,95,105,1000",
            "AAPL,2026-01-08,-1,110,95,105,1000",
            "AAPL,2026-01-09,100,110,95,105,-5",
            "AAPL,2026-01-12,100,110",
            "AAPL,2026-01-13,100,110,95,105,1000");

        Assert.Equal(2, exit);
        foreach (var line in new[] { 3, 4, 5, 6, 7, 8, 9 })
        {
            Assert.Contains($"line {line}: ", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("line 2: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("line 10: ", output, StringComparison.Ordinal);
        Assert.Contains("2 bars added", output, StringComparison.Ordinal);
        Assert.Contains("7 rows rejected", output, StringComparison.Ordinal);
        Assert.Equal(2, await Fixture.CountAsync("SELECT COUNT(*) FROM price_bars"));
    }

    [Fact]
    public async Task ImportBars_WithoutARequiredColumn_StoresNothingAndExits1()
    {
        var (exit, output) = await ImportBarsAsync("symbol,date,open,high,low,close", "AAPL,2026-01-02,100,110,95,105");

        Assert.Equal(1, exit);
        Assert.Contains("volume", output, StringComparison.Ordinal);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM price_bars"));
    }

    [Fact]
    public async Task ImportBars_BadUsageOrMissingFile_Exits64Or1()
    {
        using var output = new StringWriter();
        var usage = await MarketCommandLine.RunAsync(Fixture.Factory.Services, ["market", "import-bars"], output, output, TestContext.Current.CancellationToken);
        var missing = await MarketCommandLine.RunAsync(
            Fixture.Factory.Services, ["market", "import-bars", "/nonexistent/bars.csv"], output, output, TestContext.Current.CancellationToken);

        Assert.Equal((64, 1), (usage, missing));
    }

    [Fact]
    public async Task Quotes_AreRolledIntoTheDaysBar_OpenFirstHighLowCloseLast()
    {
        // New York is on EDT (UTC−4) from 8 March 2026: the 10th's bar takes quotes until 04:00 UTC on the 11th. The steps stay
        // (Sign in first: tokens are checked against the real clock.)
        var feed = await MarketFeedAsync();
        var clock = Fixture.Clock.Freeze(new DateTimeOffset(2026, 3, 11, 3, 48, 0, TimeSpan.Zero));

        foreach (var price in new[] { 100m, 104m, 97.5m, 101m })
        {
            (await feed.PutAsync("/api/v1/market/quotes/SPY", new { price })).EnsureStatus(HttpStatusCode.OK);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        (await feed.PutAsync("/api/v1/market/quotes/SPY", new { bid = 99m, ask = 100m })).EnsureStatus(HttpStatusCode.OK);
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 3, 59, 59, TimeSpan.Zero));
        (await feed.PutAsync("/api/v1/market/quotes/SPY", new { price = 98m })).EnsureStatus(HttpStatusCode.OK);
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 4, 0, 0, TimeSpan.Zero));
        (await feed.PutAsync("/api/v1/market/quotes/SPY", new { price = 102m })).EnsureStatus(HttpStatusCode.OK);

        var bars = (await feed.GetAsync("/api/v1/market/bars/SPY?from=2026-03-01&to=2026-03-31")).EnsureStatus(HttpStatusCode.OK).Body!["bars"]!.AsArray();
        Assert.Equal(2, bars.Count);
        Assert.Equal(("2026-03-10", 100m, 104m, 97.5m, 98m, 0m), (
            bars[0]!["date"]!.GetValue<string>(), bars[0]!["open"]!.GetValue<decimal>(), bars[0]!["high"]!.GetValue<decimal>(),
            bars[0]!["low"]!.GetValue<decimal>(), bars[0]!["close"]!.GetValue<decimal>(), bars[0]!["volume"]!.GetValue<decimal>()));
        Assert.Equal(("2026-03-11", 102m, 102m), (
            bars[1]!["date"]!.GetValue<string>(), bars[1]!["open"]!.GetValue<decimal>(), bars[1]!["close"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task Quotes_ConcurrentFirstQuotesOfADay_AllSucceed_AndTheBarHoldsEveryOnesHighAndLow()
    {
        // The quote exists from the day before, so the only new row is the day's bar: every request reads "no bar yet" at once.
        var feed = await MarketFeedAsync();
        var clock = Fixture.Clock.Freeze(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero));
        (await feed.PutAsync("/api/v1/market/quotes/QQQ", new { price = 500m })).EnsureStatus(HttpStatusCode.OK);
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 14, 0, 0, TimeSpan.Zero));
        var prices = Enumerable.Range(0, 12).Select(i => 480m + (i * 3.25m)).ToArray();

        var answers = await Task.WhenAll(prices.Select(price => feed.PutAsync("/api/v1/market/quotes/QQQ", new { price })));

        Assert.All(answers, a => a.EnsureStatus(HttpStatusCode.OK));
        var bars = (await feed.GetAsync("/api/v1/market/bars/QQQ?from=2026-03-11&to=2026-03-11")).EnsureStatus(HttpStatusCode.OK).Body!["bars"]!.AsArray();
        var bar = Assert.Single(bars)!;
        Assert.Equal((prices.Max(), prices.Min()), (bar["high"]!.GetValue<decimal>(), bar["low"]!.GetValue<decimal>()));
        Assert.Contains(bar["open"]!.GetValue<decimal>(), prices);
        Assert.Contains(bar["close"]!.GetValue<decimal>(), prices);
    }

    [Fact]
    public async Task Quotes_ConcurrentBatchesNamingTheSameSymbolsInOppositeOrders_AllSucceed_AndEveryBarHoldsItsHighAndLow()
    {
        var feed = await MarketFeedAsync();
        var clock = Fixture.Clock.Freeze(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero));
        string[] symbols = ["IWM", "DIA", "EEM"];
        (await feed.PutAsync("/api/v1/market/quotes", symbols.Select(s => new { symbol = s, price = 100m }).ToArray())).EnsureStatus(HttpStatusCode.OK);
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 14, 0, 0, TimeSpan.Zero));

        // Batch i quotes every symbol at 90 + i, half of them in reverse order.
        var batches = Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? symbols : [.. symbols.Reverse()]).Select(s => new { symbol = s, price = 90m + i }).ToArray());
        var answers = await Task.WhenAll(batches.Select(b => feed.PutAsync("/api/v1/market/quotes", b)));

        Assert.All(answers, a => a.EnsureStatus(HttpStatusCode.OK));
        foreach (var symbol in symbols)
        {
            var bar = Assert.Single((await feed.GetAsync($"/api/v1/market/bars/{symbol}?from=2026-03-11&to=2026-03-11"))
                .EnsureStatus(HttpStatusCode.OK).Body!["bars"]!.AsArray())!;
            Assert.Equal((97m, 90m), (bar["high"]!.GetValue<decimal>(), bar["low"]!.GetValue<decimal>()));
        }
    }

    [Fact]
    public async Task GetBars_OfASymbolWithoutHistory_ReturnsAnEmptyList()
    {
        var client = await SignedInAsync();

        var got = (await client.GetAsync("/api/v1/market/bars/NOPE?from=2026-01-01&to=2026-01-31")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Empty(got["bars"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/v1/market/bars/AAPL?from=2026-02-01&to=2026-01-01", "from")]
    [InlineData("/api/v1/market/bars/AAPL?from=1990-01-01&to=2026-01-01", "to")]
    [InlineData("/api/v1/market/bars/AAPL?from=yesterday", "from")]
    [InlineData("/api/v1/market/bars/BAD*SYM", "symbol")]
    public async Task GetBars_WhenInputIsBad_Returns400NamingTheField(string url, string field)
    {
        var client = await SignedInAsync();

        (await client.GetAsync(url)).EnsureValidationError(field);
    }

    [Fact]
    public async Task GetBars_Anonymous_Returns401()
    {
        (await Anonymous().GetAsync("/api/v1/market/bars/AAPL")).EnsureProblem(HttpStatusCode.Unauthorized);
    }

    private async Task<(int ExitCode, string Output)> ImportBarsAsync(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bars-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        try
        {
            using var output = new StringWriter();
            var exit = await MarketCommandLine.RunAsync(
                Fixture.Factory.Services, ["market", "import-bars", path], output, output, TestContext.Current.CancellationToken);
            return (exit, output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class PriceHistoryTestsOnSqlite(SqliteApiFixture fixture) : PriceHistoryTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class PriceHistoryTestsOnPostgres(PostgresApiFixture fixture) : PriceHistoryTests(fixture);
