using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.Portfolio.Equity;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

/// <summary><c>GET /risk-rules/portfolio-risk/history</c>: the recorded equity, one point per interval, with the drawdown from the running peak.</summary>
public abstract class EquityHistoryTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static readonly DateTime Ten = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    private async Task RecordAsync(Guid userId, params (DateTime At, decimal Equity)[] points)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        foreach (var (at, equity) in points)
        {
            db.Add(EquitySnapshot.Record(userId, equity, at));
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task History_ByMinute_KeepsTheLastEquityOfEachMinuteWithTheDrawdownFromThePeak()
    {
        var client = await SignedInAsync();
        var other = await SignedInAsync();
        await RecordAsync(client.UserId,
            (Ten.AddMinutes(-5), 1m),                      // before the range
            (Ten.AddSeconds(10), 100_000m),
            (Ten.AddSeconds(50), 101_000m),                // the minute's last: the peak
            (Ten.AddMinutes(1).AddSeconds(5), 95_950m),    // 5 % below it
            (Ten.AddMinutes(3), 100_990m));
        await RecordAsync(other.UserId, (Ten.AddMinutes(2), 5m));

        var body = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk/history?from=2026-03-02T10:00:00Z&to=2026-03-02T10:10:00Z&interval=minute"))
            .EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("minute", body["interval"]!.GetValue<string>());
        var points = body["points"]!.AsArray();
        Assert.Equal([101_000m, 95_950m, 100_990m], points.Select(p => p!["equity"]!.GetValue<decimal>()));
        Assert.Equal([0m, 5_050m, 10m], points.Select(p => p!["drawdown"]!.GetValue<decimal>()));
        Assert.Equal([0m, 5m, 0.0099m], points.Select(p => p!["drawdown_percent"]!.GetValue<decimal>()));
        Assert.Equal(Ten.AddSeconds(50), points[0]!["at"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Fact]
    public async Task History_WithoutAnInterval_PicksTheNarrowestThatFits()
    {
        var client = await SignedInAsync();
        await RecordAsync(client.UserId, (Ten.AddHours(1), 100m), (Ten.AddHours(1).AddMinutes(10), 90m), (Ten.AddDays(3), 80m));

        var week = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk/history?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z"))
            .EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("hour", week["interval"]!.GetValue<string>());
        Assert.Equal([90m, 80m], week["points"]!.AsArray().Select(p => p!["equity"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task History_AfterAnOrder_HoldsTheEquityTheServiceRecorded()
    {
        var client = await SignedInAsync();
        (await (await MarketFeedAsync()).PutAsync("/api/v1/market/quotes/AAPL", new { price = 100m })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 10m, type = "market" })).EnsureStatus(HttpStatusCode.Created);

        var body = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk/history")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(100_000m, body["points"]!.AsArray().Last()!["equity"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("interval=week", "interval")]
    [InlineData("from=2026-03-02T10:00:00Z&to=2026-03-02T09:00:00Z", "from")]
    [InlineData("from=2025-01-01T00:00:00Z&to=2026-03-02T00:00:00Z", "to")]
    [InlineData("from=yesterday", "from")]
    public async Task History_WithABadParameter_Answers400NamingIt(string query, string field)
    {
        var client = await SignedInAsync();

        (await client.GetAsync($"/api/v1/risk-rules/portfolio-risk/history?{query}")).EnsureValidationError(field);
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class EquityHistoryTestsOnSqlite(SqliteApiFixture fixture) : EquityHistoryTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class EquityHistoryTestsOnPostgres(PostgresApiFixture fixture) : EquityHistoryTests(fixture);
