using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Trading;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Api.FunctionalTests.Portfolio;

public abstract class PortfolioRiskTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static object Market(string side, decimal qty, string symbol) =>
        new { symbol, side, qty, type = "market", time_in_force = "day" };

    private async Task QuoteAsync(string symbol, decimal bid, decimal ask, decimal? last = null) =>
        (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/quotes/{symbol}", new { bid, ask, last })).EnsureStatus(HttpStatusCode.OK);

    private async Task PriceAsync(string symbol, decimal price) =>
        (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);

    private static decimal Dec(System.Text.Json.Nodes.JsonNode body, string name) => body[name]!.GetValue<decimal>();

    [Fact]
    public async Task GetPortfolioRisk_AfterFillsAtKnownQuotes_ReturnsHandComputedFigures()
    {
        var client = await SignedInAsync();
        var first = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(100_000m, Dec(first, "day_start_equity"));
        Assert.Equal(0, first["number_of_positions"]!.GetValue<int>());
        Assert.Null(await PortfolioTestData.StateAsync(Fixture, client.UserId)); // a read stores nothing

        await QuoteAsync("AAPL", 99m, 101m, 100m);
        (await client.PostAsync("/api/v1/orders", Market("buy", 10m, "AAPL"))).EnsureStatus(HttpStatusCode.Created);
        await PriceAsync("MSFT", 200m);
        (await client.PostAsync("/api/v1/orders", Market("buy", 5m, "MSFT"))).EnsureStatus(HttpStatusCode.Created);
        await PriceAsync("AAPL", 110m);
        var ruleId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 2_000m, ThresholdUnit.Dollars, RiskAction.Block);

        var body = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!;

        // Cash 100,000 − 10 × 101 − 5 × 200 = 97,990; positions 10 × 110 + 5 × 200 = 2,100; equity 100,090.
        Assert.Equal(100_090m, Dec(body, "account_value"));
        Assert.Equal(97_990m, Dec(body, "cash"));
        Assert.Equal(2_100m, Dec(body, "total_position_value"));
        Assert.Equal(2, body["number_of_positions"]!.GetValue<int>());
        Assert.Equal(90m, Dec(body, "daily_pl"));
        Assert.Equal(0.09m, Dec(body, "daily_pl_percent"));
        Assert.Equal(90m, Dec(body, "total_unrealized_pl"));
        Assert.Equal(2_100m, Dec(body, "gross_exposure"));
        Assert.Equal(2_100m, Dec(body, "net_exposure"));
        Assert.Equal(Math.Round(2_100m / 100_090m, 6), Math.Round(Dec(body, "leverage"), 6));
        Assert.Equal(100_090m, Dec(body, "high_water_mark"));
        Assert.Equal(0m, Dec(body, "current_drawdown_percent"));
        Assert.Equal(100_000m, Dec(body, "day_start_equity"));
        Assert.Equal("AAPL", body["largest_position_symbol"]!.GetValue<string>());
        Assert.Equal(1_100m, Dec(body, "largest_position_value"));
        Assert.Equal(Math.Round(1_100m / 100_090m * 100m, 6), Math.Round(Dec(body, "largest_position_percent"), 6));
        Assert.Equal("active", body["trading_state"]!.GetValue<string>());
        var rule = Assert.Single(body["rule_utilisation"]!.AsArray())!;
        Assert.Equal(ruleId, rule["rule_id"]!.GetValue<Guid>());
        Assert.Equal(1_100m, Dec(rule, "observed"));
        Assert.Equal(0.55m, Dec(rule, "utilisation"));
        Assert.False(rule["is_breached"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetPortfolioRisk_WhenEquityFalls_TracksDrawdownFromTheStoredHighWaterMark()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        (await client.PostAsync("/api/v1/orders", Market("buy", 100m, "AAPL"))).EnsureStatus(HttpStatusCode.Created);
        await PriceAsync("AAPL", 200m);
        (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK);
        await PriceAsync("AAPL", 150m);

        var body = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK).Body!;

        // Peak 90,000 cash + 20,000 = 110,000; now 105,000: drawdown 5,000 = 4.5454…%.
        Assert.Equal(110_000m, Dec(body, "high_water_mark"));
        Assert.Equal(105_000m, Dec(body, "account_value"));
        Assert.Equal(5_000m, Dec(body, "current_drawdown"));
        Assert.Equal(Math.Round(5_000m / 110_000m * 100m, 6), Math.Round(Dec(body, "current_drawdown_percent"), 6));
        Assert.Equal(Math.Round(5_000m / 110_000m * 100m, 6), Math.Round(Dec(body, "max_drawdown_percent"), 6));
    }

    [Fact]
    public async Task CalculatePositionSize_WorkedExample_Returns200SharesRisking1000()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 150m);

        var body = (await client.PostAsync(
            "/api/v1/risk-rules/calculate-position-size",
            new { symbol = "aapl", entry_price = 150m, stop_loss = 145m, risk_percent = 1m })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("AAPL", body["symbol"]!.GetValue<string>());
        Assert.Equal(200m, Dec(body, "recommended_shares"));
        Assert.Equal(30_000m, Dec(body, "recommended_value"));
        Assert.Equal(1_000m, Dec(body, "max_loss"));
        Assert.Equal(5m, Dec(body, "risk_per_share"));
        Assert.Equal(100_000m, Dec(body, "account_value"));
        Assert.Equal(1m, Dec(body, "risk_percentage"));
        Assert.Equal("fixed_fractional", body["method"]!.GetValue<string>());
        Assert.Null(body["capped_by"]);
        Assert.Empty(body["warnings"]!.AsArray());
    }

    [Theory]
    [InlineData("fixed_fractional", 145.0, 2.0, null, null, null, null, 400)]
    [InlineData("percent_of_equity", 145.0, 5.0, null, null, null, null, 33)]
    [InlineData("volatility", null, null, 2.5, null, null, null, 200)]
    [InlineData("volatility", null, 1.0, 2.0, 3.0, null, null, 166)]
    [InlineData("kelly", null, null, null, null, 0.9, 3.0, 166)]
    public async Task CalculatePositionSize_ByMethod_SizesAsDocumented(
        string method, double? stop, double? riskPercent, double? atr, double? atrMultiplier, double? winRate, double? payoff, int expectedShares)
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 150m);

        var body = (await client.PostAsync("/api/v1/risk-rules/calculate-position-size", new
        {
            symbol = "AAPL",
            entry_price = 150m,
            stop_loss = (decimal?)stop,
            method,
            risk_percent = (decimal?)riskPercent,
            atr = (decimal?)atr,
            atr_multiplier = (decimal?)atrMultiplier,
            win_rate = (decimal?)winRate,
            payoff_ratio = (decimal?)payoff,
        })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(method, body["method"]!.GetValue<string>());
        Assert.Equal(expectedShares, Dec(body, "recommended_shares"));
    }

    [Fact]
    public async Task CalculatePositionSize_WhenAMaxPositionSizeRuleIsSmaller_IsCappedNamingTheRule()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 150m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 50m, ThresholdUnit.Shares, RiskAction.Block);

        var body = (await client.PostAsync(
            "/api/v1/risk-rules/calculate-position-size",
            new { symbol = "AAPL", entry_price = 150m, stop_loss = 145m, risk_percent = 1m })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(50m, Dec(body, "recommended_shares"));
        Assert.Equal("max_position_size", body["capped_by"]!.GetValue<string>());
        Assert.Equal(250m, Dec(body, "max_loss"));
    }

    [Theory]
    [InlineData("""{"symbol":"AAPL","entry_price":0}""", "entry_price")]
    [InlineData("""{"symbol":"AAPL","entry_price":150,"stop_loss":-1}""", "stop_loss")]
    [InlineData("""{"symbol":"AAPL","entry_price":150,"risk_percent":101}""", "risk_percent")]
    [InlineData("""{"symbol":"AAPL","entry_price":150,"win_rate":1.5,"payoff_ratio":2,"method":"kelly"}""", "win_rate")]
    [InlineData("""{"symbol":"AAPL","entry_price":150,"method":"martingale"}""", "method")]
    [InlineData("""{"entry_price":150}""", "symbol")]
    public async Task CalculatePositionSize_WithBadInput_Returns400NamingTheField(string json, string field)
    {
        var client = await SignedInAsync();

        var response = (await client.PostRawAsync("/api/v1/risk-rules/calculate-position-size", json)).EnsureProblem(HttpStatusCode.BadRequest);

        Assert.Contains(field, response.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortfolioRiskAndSizing_WhenTheBrokerIsUnreachable_Return503WithTheReason()
    {
        await using var factory = new RiskPlatformApiFactory(
            Fixture.Provider, Fixture.ConnectionString, Fixture.Logs,
            services => services.AddScoped<RiskPlatform.Application.Common.Interfaces.IBrokerGateway, UnreachableBroker>());
        using var client = new ApiClient(factory.CreateClient());
        await client.SignInAsNewUserAsync($"user-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");

        var risk = (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureProblem(HttpStatusCode.ServiceUnavailable);
        var size = (await client.PostAsync(
            "/api/v1/risk-rules/calculate-position-size", new { symbol = "AAPL", entry_price = 150m, stop_loss = 145m }))
            .EnsureProblem(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(UnreachableBroker.Reason, risk.Body!["detail"]!.GetValue<string>());
        Assert.Equal("broker_unavailable", size.Body!["code"]!.GetValue<string>());
        Assert.Null(await PortfolioTestData.StateAsync(Fixture, client.UserId));
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class PortfolioRiskTestsOnSqlite(SqliteApiFixture fixture) : PortfolioRiskTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class PortfolioRiskTestsOnPostgres(PostgresApiFixture fixture) : PortfolioRiskTests(fixture);
