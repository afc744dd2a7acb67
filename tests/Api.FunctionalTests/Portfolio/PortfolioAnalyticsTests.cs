using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

/// <summary>
/// GET /risk-rules/portfolio-risk/analytics over imported bars and today's quotes: each figure is recomputed here by its direct
/// formula from the same closes.
/// </summary>
public abstract class PortfolioAnalyticsTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static readonly DateTimeOffset Today = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Analytics_OfAHeldPortfolio_MatchDirectFormulasOverTheSameCloses()
    {
        // Sign in before the clock is frozen: tokens are checked against the real clock.
        var feed = await MarketFeedAsync();
        var client = await SignedInAsync();
        Fixture.Clock.Freeze(Today);
        var closes = new Dictionary<string, List<decimal>>
        {
            ["AAPL"] = Series(t => 100 + (3 * Math.Sin(t)) + (0.2 * t)),
            ["MSFT"] = Series(t => 200 + (5 * Math.Cos(t * 1.3))),
            ["SPY"] = Series(t => 400 + (4 * Math.Sin(t * 0.7)) + (0.1 * t)),
        };
        await ImportAsync(closes);
        (await feed.PutAsync("/api/v1/market/symbols/AAPL", new { sector = "Information Technology" })).EnsureStatus(HttpStatusCode.OK);
        foreach (var (symbol, series) in closes)
        {
            (await feed.PutAsync($"/api/v1/market/quotes/{symbol}", new { price = series[^1] })).EnsureStatus(HttpStatusCode.OK);
        }

        (await client.PostAsync("/api/v1/orders", Market("buy", 10m, "AAPL"))).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/orders", Market("sell", 4m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);

        var body = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk/analytics")).EnsureStatus(HttpStatusCode.OK).Body!;

        var returns = closes.ToDictionary(c => c.Key, c => Returns(c.Value));
        var inputs = body["inputs"]!;
        Assert.Equal(("SPY", 252, 30), (inputs["benchmark"]!.GetValue<string>(), inputs["lookback_days"]!.GetValue<int>(), inputs["common_returns"]!.GetValue<int>()));
        Assert.Null(inputs["insufficient_reason"]);

        var aapl = Position(body, "AAPL");
        Assert.Equal(Sd(returns["AAPL"]) * Math.Sqrt(252), aapl["annualised_volatility"]!.GetValue<double>(), 1e-6);
        Assert.Equal(Cov(returns["AAPL"], returns["SPY"]) / Cov(returns["SPY"], returns["SPY"]), aapl["beta"]!.GetValue<double>(), 1e-6);
        Assert.Equal("Information Technology", aapl["sector"]!.GetValue<string>());
        Assert.Equal("unclassified", Position(body, "MSFT")["sector"]!.GetValue<string>());

        var correlation = body["correlation"]!;
        Assert.Equal(["AAPL", "MSFT"], correlation["symbols"]!.AsArray().Select(s => s!.GetValue<string>()));
        var matrix = correlation["matrix"]!.AsArray();
        var expected = Cov(returns["AAPL"], returns["MSFT"]) / (Sd(returns["AAPL"]) * Sd(returns["MSFT"]));
        Assert.Equal(expected, matrix[0]![1]!.GetValue<double>(), 1e-6);
        Assert.Equal(matrix[0]![1]!.GetValue<double>(), matrix[1]![0]!.GetValue<double>());
        Assert.Equal(1d, matrix[0]![0]!.GetValue<double>(), 9);

        // P&L of the held values (10 AAPL long, 4 MSFT short at today's closes) under each day's returns.
        var valueA = 10 * (double)closes["AAPL"][^1];
        var valueM = -4 * (double)closes["MSFT"][^1];
        var pnl = returns["AAPL"].Select((r, t) => (valueA * r) + (valueM * returns["MSFT"][t])).ToArray();
        var sorted = pnl.Order().ToArray();
        var k95 = (int)Math.Ceiling(0.05 * pnl.Length); // 2 of 30
        var levels = body["value_at_risk"]!["levels"]!.AsArray();
        Assert.Equal([0.95, 0.99], levels.Select(l => l!["confidence"]!.GetValue<double>()));
        Assert.Equal(-sorted[k95 - 1], levels[0]!["historical_var"]!.GetValue<double>(), 0.006);
        Assert.Equal(-sorted.Take(k95).Average(), levels[0]!["historical_cvar"]!.GetValue<double>(), 0.006);
        Assert.Equal(-sorted[0], levels[1]!["historical_var"]!.GetValue<double>(), 0.006);
        Assert.Equal((2.3263478740408408 * Sd(pnl)) - pnl.Average(), levels[1]!["parametric_var"]!.GetValue<double>(), 0.006);

        var sectors = body["sector_exposure"]!.AsArray();
        var unclassified = sectors.Single(s => s!["sector"]!.GetValue<string>() == "unclassified")!;
        Assert.Equal(Math.Round(-valueM, 2), unclassified["gross_exposure"]!.GetValue<double>(), 0.006);
        Assert.Equal(Math.Round(valueM, 2), unclassified["net_exposure"]!.GetValue<double>(), 0.006);
        var contributors = body["var_contributors"]!.AsArray();
        Assert.Equal(2, contributors.Count);
        Assert.Equal(1d, contributors.Sum(c => c!["share_of_total"]!.GetValue<double>()), 5);
    }

    [Fact]
    public async Task Analytics_AfterABarImportFollowingAnEarlierRequest_AnswerFromTheImportedCloses()
    {
        var feed = await MarketFeedAsync();
        var client = await SignedInAsync();
        Fixture.Clock.Freeze(Today);
        var closes = AaplAndSpy();
        await ImportAsync(closes);
        await QuoteTheLastClosesAsync(feed, closes);

        (await client.PostAsync("/api/v1/orders", Market("buy", 10m, "AAPL"))).EnsureStatus(HttpStatusCode.Created);
        var first = Position((await client.GetAsync("/api/v1/risk-rules/portfolio-risk/analytics")).EnsureStatus(HttpStatusCode.OK).Body!, "AAPL");

        // The operator imports corrected history for AAPL (today's close is still the quote's).
        List<decimal> corrected = [.. Series(t => 100 + (9 * Math.Cos(t * 2.1))).Take(30), closes["AAPL"][^1]];
        await ImportAsync(new Dictionary<string, List<decimal>> { ["AAPL"] = corrected });
        var second = Position((await client.GetAsync("/api/v1/risk-rules/portfolio-risk/analytics")).EnsureStatus(HttpStatusCode.OK).Body!, "AAPL");

        Assert.Equal(Sd(Returns(closes["AAPL"])) * Math.Sqrt(252), first["annualised_volatility"]!.GetValue<double>(), 1e-6);
        Assert.Equal(Sd(Returns(corrected)) * Math.Sqrt(252), second["annualised_volatility"]!.GetValue<double>(), 1e-6);
        var returns = Returns(corrected);
        var spy = Returns(closes["SPY"]);
        Assert.Equal(Cov(returns, spy) / Cov(spy, spy), second["beta"]!.GetValue<double>(), 1e-6);
    }

    [Fact]
    public async Task Analytics_AfterAnotherProcessImportsTheBars_AnswerFromThem_WithoutThisHostBeingTold()
    {
        // The web app's path: the analytics say "insufficient history", the operator runs `market import-bars` (a process of
        // its own, here a second host on the same database), and the next request finds the bars.
        var feed = await MarketFeedAsync();
        var client = await SignedInAsync();
        Fixture.Clock.Freeze(Today);
        var closes = AaplAndSpy();
        await QuoteTheLastClosesAsync(feed, closes);

        (await client.PostAsync("/api/v1/orders", Market("buy", 10m, "AAPL"))).EnsureStatus(HttpStatusCode.Created);
        var before = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk/analytics")).EnsureStatus(HttpStatusCode.OK).Body!;

        await using (var operatorProcess = new RiskPlatformApiFactory(Fixture.Provider, Fixture.ConnectionString, Fixture.Logs))
        {
            await ImportAsync(closes, operatorProcess.Services);
        }

        var after = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk/analytics")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("insufficient_history", before["inputs"]!["insufficient_reason"]!.GetValue<string>());
        Assert.Null(after["inputs"]!["insufficient_reason"]);
        Assert.Equal(30, after["inputs"]!["common_returns"]!.GetValue<int>());
        Assert.Equal(Sd(Returns(closes["AAPL"])) * Math.Sqrt(252), Position(after, "AAPL")["annualised_volatility"]!.GetValue<double>(), 1e-6);
    }

    [Fact]
    public async Task Analytics_WithTooLittleHistory_LeaveTheCommonFiguresNull_WithTheReason()
    {
        var feed = await MarketFeedAsync();
        var client = await SignedInAsync();
        Fixture.Clock.Freeze(Today);
        (await feed.PutAsync("/api/v1/market/quotes/AAPL", new { price = 100m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/orders", Market("buy", 1m, "AAPL"))).EnsureStatus(HttpStatusCode.Created);

        var body = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk/analytics?benchmark=qqq&lookback_days=60")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(("QQQ", 60), (body["inputs"]!["benchmark"]!.GetValue<string>(), body["inputs"]!["lookback_days"]!.GetValue<int>()));
        Assert.Equal("insufficient_history", body["inputs"]!["insufficient_reason"]!.GetValue<string>());
        Assert.Null(body["value_at_risk"]);
        Assert.Null(body["correlation"]!["matrix"]);
        Assert.Null(Position(body, "AAPL")["annualised_volatility"]);
        Assert.Null(Position(body, "AAPL")["beta"]);
    }

    [Fact]
    public async Task Analytics_OfAnEmptyAccount_HaveNoPositionsAndNoVaR()
    {
        var body = (await (await SignedInAsync()).GetAsync("/api/v1/risk-rules/portfolio-risk/analytics")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Empty(body["positions"]!.AsArray());
        Assert.Null(body["value_at_risk"]);
        Assert.Null(body["inputs"]!["insufficient_reason"]);
    }

    [Fact]
    public async Task VolatilitySizing_WithoutAtr_UsesTheAtrOfTheStoredBars()
    {
        // 15 days whose true range is 2.5 each (high − low, no gaps): ATR 2.5, × the default multiplier 2 = a 5-dollar stop;
        // 1 % of 100,000 at risk → 200 shares.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lines = new List<string> { "symbol,date,open,high,low,close,volume" };
        lines.AddRange(Enumerable.Range(2, 15).Select(d => $"AAPL,{today.AddDays(-d):yyyy-MM-dd},100,101.25,98.75,100,1000"));
        var path = Path.Combine(Path.GetTempPath(), $"atr-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        Assert.Equal(0, await MarketCommandLine.RunAsync(Fixture.Factory.Services, ["market", "import-bars", path], output, output, TestContext.Current.CancellationToken));
        File.Delete(path);
        var client = await SignedInAsync();

        var body = (await client.PostAsync("/api/v1/risk-rules/calculate-position-size", new { symbol = "AAPL", entry_price = 150m, method = "volatility" }))
            .EnsureStatus(HttpStatusCode.OK).Body!;
        var withoutHistory = (await client.PostAsync("/api/v1/risk-rules/calculate-position-size", new { symbol = "MSFT", entry_price = 150m, method = "volatility" }))
            .EnsureProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(200m, body["recommended_shares"]!.GetValue<decimal>());
        Assert.Contains(body["warnings"]!.AsArray(), w => w!.GetValue<string>().StartsWith("ATR_FROM_HISTORY: no atr given; used 2.5", StringComparison.Ordinal));
        Assert.Contains("POSITION_SIZE_ATR_REQUIRED", withoutHistory.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lookback_days=19", "lookback_days")]
    [InlineData("lookback_days=1261", "lookback_days")]
    [InlineData("lookback_days=abc", "lookback_days")]
    [InlineData("benchmark=BAD*SYM", "benchmark")]
    public async Task Analytics_WhenInputIsBad_Returns400NamingTheField(string query, string field)
    {
        (await (await SignedInAsync()).GetAsync($"/api/v1/risk-rules/portfolio-risk/analytics?{query}")).EnsureValidationError(field);
    }

    [Fact]
    public async Task Analytics_Anonymous_Returns401()
    {
        (await Anonymous().GetAsync("/api/v1/risk-rules/portfolio-risk/analytics")).EnsureProblem(HttpStatusCode.Unauthorized);
    }

    private static object Market(string side, decimal qty, string symbol) =>
        new { symbol, side, qty, type = "market", time_in_force = "day" };

    private static Dictionary<string, List<decimal>> AaplAndSpy() => new()
    {
        ["AAPL"] = Series(t => 100 + (3 * Math.Sin(t)) + (0.2 * t)),
        ["SPY"] = Series(t => 400 + (4 * Math.Sin(t * 0.7)) + (0.1 * t)),
    };

    /// <summary>Each symbol's quote at its last close (today's, the one not imported).</summary>
    private static async Task QuoteTheLastClosesAsync(ApiClient feed, Dictionary<string, List<decimal>> closes)
    {
        foreach (var (symbol, series) in closes)
        {
            (await feed.PutAsync($"/api/v1/market/quotes/{symbol}", new { price = series[^1] })).EnsureStatus(HttpStatusCode.OK);
        }
    }

    private static JsonNode Position(JsonNode body, string symbol) =>
        body["positions"]!.AsArray().Single(p => p!["symbol"]!.GetValue<string>() == symbol)!;

    /// <summary>31 closes: 30 imported on the business days before <see cref="Today"/>, and today's (the quote's) last.</summary>
    private static List<decimal> Series(Func<double, double> at) =>
        [.. Enumerable.Range(0, 31).Select(t => Math.Round((decimal)at(t), 2))];

    private static List<DateOnly> ImportDates()
    {
        var dates = new List<DateOnly>();
        for (var d = DateOnly.FromDateTime(Today.UtcDateTime).AddDays(-1); dates.Count < 30; d = d.AddDays(-1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                dates.Add(d);
            }
        }

        dates.Reverse();
        return dates;
    }

    /// <summary>Imports the closes with <c>market import-bars</c>, run in the shared host unless <paramref name="process"/> names another.</summary>
    private async Task ImportAsync(Dictionary<string, List<decimal>> closes, IServiceProvider? process = null)
    {
        var dates = ImportDates();
        var lines = new List<string> { "symbol,date,open,high,low,close,volume" };
        foreach (var (symbol, series) in closes)
        {
            lines.AddRange(dates.Select((d, t) => string.Create(
                CultureInfo.InvariantCulture, $"{symbol},{d:yyyy-MM-dd},{series[t]},{series[t] + 1},{series[t] - 1},{series[t]},1000")));
        }

        var path = Path.Combine(Path.GetTempPath(), $"analytics-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        var exit = await MarketCommandLine.RunAsync(process ?? Fixture.Factory.Services, ["market", "import-bars", path], output, output, TestContext.Current.CancellationToken);
        File.Delete(path);
        Assert.True(exit == 0, output.ToString());
    }

    private static double[] Returns(List<decimal> closes) =>
        [.. closes.Skip(1).Select((c, t) => (double)(c / closes[t]) - 1d)];

    private static double Cov(double[] a, double[] b)
    {
        var (ma, mb) = (a.Average(), b.Average());
        return a.Select((x, i) => (x - ma) * (b[i] - mb)).Sum() / (a.Length - 1);
    }

    private static double Sd(double[] a) => Math.Sqrt(Cov(a, a));
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class PortfolioAnalyticsTestsOnSqlite(SqliteApiFixture fixture) : PortfolioAnalyticsTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class PortfolioAnalyticsTestsOnPostgres(PostgresApiFixture fixture) : PortfolioAnalyticsTests(fixture);
