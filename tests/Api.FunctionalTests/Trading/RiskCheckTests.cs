using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Api.FunctionalTests.Trading;

public abstract class RiskCheckTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private async Task PriceAsync(string symbol, decimal price) =>
        (await (await MarketFeedAsync()).PutAsync($"/api/v1/market/quotes/{symbol}", new { price })).EnsureStatus(HttpStatusCode.OK);

    [Fact]
    public async Task Test_AgainstTheUsersRules_ReportsTheBreachesAndRecordsNothing()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        var blockId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 1_000m, ThresholdUnit.Dollars, RiskAction.Block);
        var alertId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 5m, ThresholdUnit.Shares, RiskAction.Alert);

        var result = (await client.PostAsync("/api/v1/risk-rules/test", new { symbol = "aapl", order_qty = 20m })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.True(result["would_block"]!.GetValue<bool>());
        Assert.True(result["would_warn"]!.GetValue<bool>());
        Assert.Null(result["would_reduce_to"]);
        var breaches = result["breaches"]!.AsArray();
        Assert.Equal(2, breaches.Count);
        var block = breaches.Single(b => b!["rule_id"]!.GetValue<Guid>() == blockId)!;
        Assert.Equal("max_order_value", block["rule_type"]!.GetValue<string>());
        Assert.Equal(1_000m, block["threshold"]!.GetValue<decimal>());
        Assert.Equal(2_000m, block["current_value"]!.GetValue<decimal>());
        Assert.Equal("block", block["action"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(block["rule_name"]!.GetValue<string>()));
        Assert.Contains(breaches, b => b!["rule_id"]!.GetValue<Guid>() == alertId);
        Assert.Equal(2, result["results"]!.AsArray().Count);

        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM risk_breaches"));
        Assert.Equal(0, await TradingTestData.BreachCountAsync(Fixture, blockId));
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM orders"));
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM paper_accounts"));
    }

    [Fact]
    public async Task Test_WithOrderValue_ConvertsToWholeSharesAndReportsTheReduction()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 30m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 300m, ThresholdUnit.Dollars, RiskAction.ReduceSize);

        var result = (await client.PostAsync("/api/v1/risk-rules/test", new { symbol = "AAPL", order_value = 1_000m })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(33m, result["qty"]!.GetValue<decimal>());
        Assert.False(result["would_block"]!.GetValue<bool>());
        Assert.Equal(10m, result["would_reduce_to"]!.GetValue<decimal>());
        Assert.Equal("reduced", result["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Test_AgainstADraftRule_IgnoresTheUsersRules()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 1m, ThresholdUnit.Dollars, RiskAction.Block);

        var result = (await client.PostAsync("/api/v1/risk-rules/test", new
        {
            symbol = "AAPL",
            order_qty = 3m,
            rule = new { rule_type = "max_order_value", threshold_value = 1_000, threshold_unit = "dollars", action = "block" },
        })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.False(result["would_block"]!.GetValue<bool>());
        Assert.Empty(result["breaches"]!.AsArray());
        Assert.Equal("passed", Assert.Single(result["results"]!.AsArray())!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Test_AgainstADraftOrderRateLimit_TakesTheWindowUnderParamsLikeRuleCreation()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 1m })).EnsureStatus(HttpStatusCode.Created);
        var rule = new
        {
            name = "one order a minute",
            rule_type = "order_rate_limit",
            threshold_value = 1,
            threshold_unit = "count",
            action = "block",
            @params = new { window_seconds = 60 },
        };

        var result = (await client.PostAsync("/api/v1/risk-rules/test", new { symbol = "AAPL", order_qty = 1m, rule }))
            .EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.True(result["would_block"]!.GetValue<bool>());
        var row = Assert.Single(result["results"]!.AsArray())!;
        Assert.Equal("breached", row["outcome"]!.GetValue<string>());
        Assert.Equal(2m, row["observed"]!.GetValue<decimal>());
        Assert.Contains("window_seconds=60", row["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // The same body creates the rule.
        (await client.PostAsync("/api/v1/risk-rules", rule)).EnsureStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Test_AgainstADraftWithoutUnitOrAction_UsesTheCreationDefaults()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);

        var result = (await client.PostAsync("/api/v1/risk-rules/test", new
        {
            symbol = "AAPL",
            order_qty = 300m,
            rule = new { rule_type = "max_concentration", threshold_value = 20 },
        })).EnsureStatus(HttpStatusCode.OK).Body!;

        // Percent and alert: 30 % of equity warns, nothing blocks.
        Assert.False(result["would_block"]!.GetValue<bool>());
        Assert.True(result["would_warn"]!.GetValue<bool>());
    }

    public static TheoryData<string, string> BadDrafts => new()
    {
        { """{"rule_type":"max_order_value","threshold_value":0,"threshold_unit":"dollars","action":"block"}""", "rule.threshold_value" },
        { """{"rule_type":"max_order_value","threshold_unit":"dollars","action":"block"}""", "rule.threshold_value" },
        { """{"rule_type":"max_concentration","threshold_value":150,"threshold_unit":"percent","action":"block"}""", "rule.threshold_value" },
        { """{"rule_type":"position_limit","threshold_value":1.5,"threshold_unit":"count","action":"block"}""", "rule.threshold_value" },
        { """{"rule_type":"max_leverage","threshold_value":2,"threshold_unit":"shares","action":"block"}""", "rule.threshold_unit" },
        { """{"rule_type":"position_limit","threshold_value":3,"threshold_unit":"count","action":"reduce_size"}""", "rule.action" },
        { """{"rule_type":"max_order_value","threshold_value":1000,"threshold_unit":"dollars","action":"close_all"}""", "rule.action" },
        { """{"threshold_value":5,"threshold_unit":"percent","action":"block"}""", "rule.rule_type" },
        { """{"rule_type":"max_correlation","threshold_value":0.8,"threshold_unit":"percent","action":"block"}""", "rule.threshold_unit" },
        { """{"rule_type":"max_correlation","threshold_value":0.8,"threshold_unit":"ratio","action":"block","params":{"lookback_days":5}}""", "rule.params.lookback_days" },
        { """{"rule_type":"sector_limit","threshold_value":30,"threshold_unit":"percent","action":"block","params":{"lookback_days":60}}""", "rule.params.lookback_days" },
        { """{"rule_type":"restricted_symbols","threshold_value":1,"threshold_unit":"count","action":"block"}""", "rule.symbols" },
        { """{"rule_type":"restricted_symbols","threshold_value":1,"threshold_unit":"count","action":"block","symbols":["A A"]}""", "rule.symbols[0]" },
        { """{"rule_type":"order_rate_limit","threshold_value":1,"threshold_unit":"count","action":"block"}""", "rule.params.window_seconds" },
        { """{"rule_type":"order_rate_limit","threshold_value":1,"threshold_unit":"count","action":"block","window_seconds":60}""", "rule.params.window_seconds" },
        { """{"rule_type":"order_rate_limit","threshold_value":1,"threshold_unit":"count","action":"block","params":{"window_seconds":0}}""", "rule.params.window_seconds" },
        { """{"rule_type":"max_order_value","threshold_value":1000,"threshold_unit":"dollars","action":"block","params":{"window_seconds":60}}""", "rule.params.window_seconds" },
        { """{"rule_type":"max_order_value","threshold_value":1000,"threshold_unit":"dollars","action":"block","strategy_id":"00000000-0000-0000-0000-000000000000"}""", "rule.strategy_id" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task Test_WhenTheDraftRuleIsInvalid_Returns400NamingTheFieldLikeRuleCreation(string draft, string field)
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);

        (await client.PostRawAsync("/api/v1/risk-rules/test", $$"""{"symbol":"AAPL","order_qty":1,"rule":{{draft}}}""")).EnsureValidationError(field);

        // POST /risk-rules refuses the same definition, naming the same field without the "rule." prefix.
        var created = draft.Insert(1, "\"name\":\"r\",");
        (await client.PostRawAsync("/api/v1/risk-rules", created)).EnsureValidationError(field["rule.".Length..]);
    }

    [Fact]
    public async Task Test_WithoutAQuote_WouldBlockWithTheReason()
    {
        var client = await SignedInAsync();

        var result = (await client.PostAsync("/api/v1/risk-rules/test", new { symbol = "AAPL", order_qty = 1m })).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.True(result["would_block"]!.GetValue<bool>());
        Assert.Equal("QUOTE_UNAVAILABLE", result["failure_code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"order_qty":1}""", "symbol")]
    [InlineData("""{"symbol":"AAPL"}""", "order_qty")]
    [InlineData("""{"symbol":"AAPL","order_qty":1,"order_value":100}""", "order_qty")]
    [InlineData("""{"symbol":"AAPL","order_qty":-1}""", "order_qty")]
    [InlineData("""{"symbol":"AAPL","order_value":0}""", "order_value")]
    public async Task Test_WhenInputIsBad_Returns400NamingTheField(string body, string field)
    {
        var client = await SignedInAsync();

        (await client.PostRawAsync("/api/v1/risk-rules/test", body)).EnsureValidationError(field);
    }

    [Fact]
    public async Task MaxQuantity_AgreesWithWhatAnOrderOfThatSizeDoes()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);
        var sizeId = await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxPositionSize, 2_550m, ThresholdUnit.Dollars, RiskAction.Block);
        await TradingTestData.AddRuleAsync(Fixture, client.UserId, RiskRuleType.MaxOrderValue, 5_000m, ThresholdUnit.Dollars, RiskAction.Block);

        var max = (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(25m, max["max_quantity"]!.GetValue<decimal>());
        Assert.Equal(sizeId, max["binding_rule_id"]!.GetValue<Guid>());
        Assert.Equal("max_position_size", max["binding_rule_type"]!.GetValue<string>());

        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 26m })).EnsureStatus(HttpStatusCode.UnprocessableEntity);
        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 25m })).EnsureStatus(HttpStatusCode.Created);

        var after = (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=buy")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(0m, after["max_quantity"]!.GetValue<decimal>());
        (await client.PostAsync("/api/v1/orders", new { symbol = "AAPL", side = "buy", qty = 1m })).EnsureStatus(HttpStatusCode.UnprocessableEntity);

        var sell = (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=sell")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(50m, sell["max_quantity"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task MaxQuantity_WithoutRules_IsUnlimitedAndBadSideIs400()
    {
        var client = await SignedInAsync();
        await PriceAsync("AAPL", 100m);

        var max = (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Null(max["max_quantity"]);
        Assert.Equal("buy", max["side"]!.GetValue<string>());
        (await client.GetAsync("/api/v1/risk-rules/max-quantity?symbol=AAPL&side=hold")).EnsureValidationError("side");
        (await client.GetAsync("/api/v1/risk-rules/max-quantity")).EnsureValidationError("symbol");
    }
}

[Collection(nameof(SqliteTradingCollection))]
public sealed class RiskCheckTestsOnSqlite(SqliteApiFixture fixture) : RiskCheckTests(fixture);

[Collection(nameof(PostgresTradingCollection))]
public sealed class RiskCheckTestsOnPostgres(PostgresApiFixture fixture) : RiskCheckTests(fixture);
