using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.Portfolio.Monitoring;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Trading;

/// <summary>
/// max_correlation and sector_limit through the API: the order path reads the imported closes and the symbols' sectors (never
/// inside its transaction), the refusal names the measured value, too little history fails closed, the sector rule reduces and
/// answers max-quantity, the monitor flattens a sector's largest position, and the backtester sees the same history.
/// </summary>
public abstract class HistoryRuleOrderTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static readonly Func<int, double> Msft = t => (0.5 * TradingTestData.Wave(t)) + (0.004 * Math.Cos(t * 2.9));

    [Fact]
    public async Task Order_CorrelatedWithAHeldPosition_IsBlockedNamingTheMeasuredCorrelation_WhileTheHedgePasses()
    {
        await TradingTestData.ImportDailyClosesAsync(Fixture, ("AAPL", TradingTestData.Wave), ("MSFT", Msft));
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        await PriceAsync("MSFT", 100m);
        (await client.PostAsync("/api/v1/orders", Market("buy", 10m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
        var rule = (await client.PostAsync("/api/v1/risk-rules", new
        {
            name = "no twins",
            rule_type = "max_correlation",
            threshold_value = 0.5m,
            threshold_unit = "ratio",
            action = "block",
            @params = new { lookback_days = 30 },
        })).EnsureStatus(HttpStatusCode.Created).Body!;

        var refused = (await client.PostAsync("/api/v1/orders", Market("buy", 5m, "AAPL"))).EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!;

        // Pearson's r of the last 30 daily returns (31 closes), computed here from the closes as imported.
        var expected = Pearson(Returns(Closes(TradingTestData.Wave), 31), Returns(Closes(Msft), 31));
        var breach = Assert.Single(refused["breaches"]!.AsArray())!;
        Assert.Equal(rule["id"]!.GetValue<Guid>(), breach["rule_id"]!.GetValue<Guid>());
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"MAX_CORRELATION_EXCEEDED: symbol=AAPL, with=MSFT, correlation={Math.Round(expected, 4):0.0000}, limit=0.5000, returns=30"),
            breach["message"]!.GetValue<string>());
        Assert.Equal(Math.Round((decimal)expected, 6), breach["observed"]!.GetValue<decimal>());

        // Selling AAPL short against the long MSFT is a hedge (−r): accepted.
        (await client.PostAsync("/api/v1/orders", Market("sell", 5m, "AAPL"))).EnsureStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Order_WithTooLittleHistory_IsBlockedAsInsufficientHistory_UnlessTheRuleOnlyAlerts()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        await PriceAsync("MSFT", 100m);
        (await client.PostAsync("/api/v1/orders", Market("buy", 1m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
        var rule = (await client.PostAsync("/api/v1/risk-rules", new
        {
            name = "no twins", rule_type = "max_correlation", threshold_value = 0.8m, threshold_unit = "ratio", action = "block",
        })).EnsureStatus(HttpStatusCode.Created).Body!;

        var refused = (await client.PostAsync("/api/v1/orders", Market("buy", 1m, "AAPL"))).EnsureProblem(HttpStatusCode.UnprocessableEntity).Body!;
        Assert.Equal(
            "INSUFFICIENT_HISTORY: symbol=AAPL, with=MSFT, returns=0, required=20, lookback_days=60",
            Assert.Single(refused["breaches"]!.AsArray())!["message"]!.GetValue<string>());

        (await client.PutAsync($"/api/v1/risk-rules/{rule["id"]}", new { action = "alert" })).EnsureStatus(HttpStatusCode.OK);
        var placed = (await client.PostAsync("/api/v1/orders", Market("buy", 1m, "AAPL"))).EnsureStatus(HttpStatusCode.Created).Body!;
        Assert.Empty(placed["alerts"]!.AsArray());
    }

    [Fact]
    public async Task Order_OverASectorLimit_IsReducedToWhatTheSectorHasRoomFor_AndOtherSectorsAreNotLimited()
    {
        var feed = await MarketFeedAsync();
        foreach (var symbol in new[] { "AAPL", "MSFT" })
        {
            (await feed.PutAsync($"/api/v1/market/symbols/{symbol}", new { sector = "Information Technology" })).EnsureStatus(HttpStatusCode.OK);
            await PriceAsync(symbol, 100m);
        }

        await PriceAsync("GOOG", 100m);
        var client = await SignedInAsync();
        (await client.PostAsync("/api/v1/orders", Market("buy", 100m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/risk-rules", new
        {
            name = "tech cap", rule_type = "sector_limit", threshold_value = 25m, action = "reduce_size",
            @params = new { sectors = new[] { "information technology" } },
        })).EnsureStatus(HttpStatusCode.Created);

        // 10,000 of MSFT held; 25 % of 100,000 leaves room for 15,000 more: 150 AAPL at 100.
        var max = (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy")).EnsureStatus(HttpStatusCode.OK).Body!;
        var reduced = (await client.PostAsync("/api/v1/orders", Market("buy", 200m, "AAPL"))).EnsureStatus(HttpStatusCode.Created).Body!;
        var unclassified = (await client.PostAsync("/api/v1/orders", Market("buy", 300m, "GOOG"))).EnsureStatus(HttpStatusCode.Created).Body!;

        Assert.Equal(150m, max["max_quantity"]!.GetValue<decimal>());
        Assert.Equal(("reduced", 150m), (reduced["decision"]!.GetValue<string>(), reduced["qty"]!.GetValue<decimal>()));
        Assert.Equal(("accepted", 300m), (unclassified["decision"]!.GetValue<string>(), unclassified["qty"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task Monitor_SectorLimitClosePosition_FlattensTheSectorsLargestPosition()
    {
        var feed = await MarketFeedAsync();
        foreach (var symbol in new[] { "AAPL", "MSFT" })
        {
            (await feed.PutAsync($"/api/v1/market/symbols/{symbol}", new { sector = "Technology" })).EnsureStatus(HttpStatusCode.OK);
            await PriceAsync(symbol, 100m);
        }

        var client = await SignedInAsync();
        (await client.PostAsync("/api/v1/orders", Market("buy", 100m, "AAPL"))).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/orders", Market("buy", 100m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/risk-rules", new
        {
            name = "tech cap", rule_type = "sector_limit", threshold_value = 25m, action = "close_position",
        })).EnsureStatus(HttpStatusCode.Created);

        // AAPL doubles: 20,000 + 10,000 of 110,000 equity is 27.3 % > 25 %: the largest, AAPL, is flattened.
        await PriceAsync("AAPL", 200m);
        await Fixture.MonitorIdleAsync();

        var account = await TradingTestData.PaperAccountAsync(Fixture, client.UserId);
        Assert.Equal(["MSFT"], account!.Positions.Select(p => p.Symbol));
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var episode = await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<BreachEpisode>().AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("AAPL", episode.Symbol);
    }

    [Fact]
    public async Task Backtest_WithACorrelationDraft_ReadsTheHistoryBeforeItsRange()
    {
        await TradingTestData.ImportDailyClosesAsync(Fixture, ("AAPL", TradingTestData.Wave), ("MSFT", TradingTestData.Wave));
        var client = await SignedInAsync();
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-120).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dates = (await client.GetAsync($"/api/v1/market/bars/AAPL?from={from}")).EnsureStatus(HttpStatusCode.OK).Body!["bars"]!.AsArray()
            .Select(b => b!["date"]!.GetValue<string>()).ToList();
        Assert.Equal(41, dates.Count);

        var body = (await client.PostAsync("/api/v1/risk-rules/backtest", new
        {
            orders = new object[]
            {
                new { date = dates[^2], symbol = "MSFT", side = "buy", qty = 10 },
                new { date = dates[^1], symbol = "AAPL", side = "buy", qty = 10 },
            },
            rules = new object[] { new { rule_type = "max_correlation", threshold_value = 0.8m, threshold_unit = "ratio", action = "block" } },
        })).EnsureStatus(HttpStatusCode.OK).Body!;

        // The range is the last two days, yet the correlation before the last one is measured over the 38 earlier returns.
        Assert.Equal(2, body["inputs"]!["trading_days"]!.GetValue<int>());
        var blocked = body["orders"]![1]!;
        Assert.Equal("blocked", blocked["decision"]!.GetValue<string>());
        Assert.StartsWith("MAX_CORRELATION_EXCEEDED: symbol=AAPL, with=MSFT, correlation=1.0000", blocked["breaches"]![0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static object Market(string side, decimal qty, string symbol) =>
        new { symbol, side, qty, type = "market", time_in_force = "day" };

    /// <summary>The closes <see cref="TradingTestData.ImportDailyClosesAsync"/> stores for these returns (41, from 100).</summary>
    private static List<decimal> Closes(Func<int, double> at)
    {
        var closes = new List<decimal> { 100m };
        for (var t = 0; t < 40; t++)
        {
            closes.Add(Math.Round(closes[^1] * (1m + (decimal)at(t)), 6));
        }

        return closes;
    }

    private static double[] Returns(List<decimal> closes, int last) =>
        [.. closes.Skip(closes.Count - last).Zip(closes.Skip(closes.Count - last + 1), (a, b) => (double)b / (double)a - 1d)];

    private static double Pearson(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var sxy = x.Select((v, i) => (v - mx) * (y[i] - my)).Sum();
        return sxy / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }

    private async Task PriceAsync(string symbol, decimal price) =>
        (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class HistoryRuleOrderTestsOnSqlite(SqliteApiFixture fixture) : HistoryRuleOrderTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class HistoryRuleOrderTestsOnPostgres(PostgresApiFixture fixture) : HistoryRuleOrderTests(fixture);
