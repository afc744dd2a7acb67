using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using static RiskPlatform.Api.FunctionalTests.RiskRules.RiskRuleApi;

namespace RiskPlatform.Api.FunctionalTests.RiskRules;

public abstract class RiskRuleUpdateTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static readonly Guid StrategyId = Guid.Parse("0193a5b2-0000-7000-8000-000000000001");

    [Fact]
    public async Task Put_WithSomeFields_ChangesOnlyThoseAndKeepsTheRest()
    {
        var client = await SignedInAsync();
        var before = await CreateFullAsync(client);

        var after = (await PutRawAsync(client, RulePath(before), "{'threshold_value':3,'name':'Tighter'}")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(3m, after["threshold_value"]!.GetValue<decimal>());
        Assert.Equal("Tighter", after["name"]!.GetValue<string>());
        foreach (var field in new[] { "id", "user_id", "description", "rule_type", "threshold_unit", "action", "is_active", "strategy_id", "symbols", "params", "breach_count", "created_at" })
        {
            Assert.True(JsonNode.DeepEquals(before[field], after[field]), $"{field} changed: {before[field]} -> {after[field]}");
        }
    }

    [Fact]
    public async Task Put_WithEmptyBody_ChangesNothing()
    {
        var client = await SignedInAsync();
        var before = await CreateFullAsync(client);

        var after = (await PutRawAsync(client, RulePath(before), "{}")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.True(JsonNode.DeepEquals(before, after), $"{before} -> {after}");
    }

    [Fact]
    public async Task Put_WithNullDescriptionAndStrategy_ClearsThem()
    {
        var client = await SignedInAsync();
        var before = await CreateFullAsync(client);

        var after = (await PutRawAsync(client, RulePath(before), "{'description':null,'strategy_id':null}")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Null(after["description"]);
        Assert.Null(after["strategy_id"]);
        Assert.Equal("Daily loss", after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_WithEmptySymbols_AppliesTheRuleToEverySymbol()
    {
        var client = await SignedInAsync();
        var before = await CreateFullAsync(client);

        var after = (await PutRawAsync(client, RulePath(before), "{'symbols':[]}")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Empty(after["symbols"]!.AsArray());
    }

    [Fact]
    public async Task Put_ChangingToRateLimitWithEverythingItNeeds_SetsTheWindow()
    {
        var client = await SignedInAsync();
        var before = await CreateFullAsync(client);

        var after = (await PutRawAsync(client, RulePath(before),
            "{'rule_type':'order_rate_limit','threshold_unit':'count','threshold_value':20,'action':'block','params':{'window_seconds':60}}"))
            .EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.Equal("order_rate_limit", after["rule_type"]!.GetValue<string>());
        Assert.Equal(60, after["params"]!["window_seconds"]!.GetValue<int>());

        var back = (await PutRawAsync(client, RulePath(before), "{'rule_type':'position_limit'}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Null(back["params"]!["window_seconds"]);
    }

    [Theory]
    [InlineData("{'threshold_value':150}", "threshold_value")]
    [InlineData("{'threshold_value':0}", "threshold_value")]
    [InlineData("{'threshold_value':'3'}", "threshold_value")]
    [InlineData("{'threshold_value':null}", "threshold_value")]
    [InlineData("{'rule_type':'max_leverage'}", "threshold_unit")]
    [InlineData("{'rule_type':'max_correlation'}", "threshold_unit")]
    [InlineData("{'params':{'lookback_days':60}}", "params.lookback_days")]
    [InlineData("{'params':{'sectors':['Energy']}}", "params.sectors")]
    [InlineData("{'rule_type':'nonsense'}", "rule_type")]
    [InlineData("{'rule_type':null}", "rule_type")]
    [InlineData("{'threshold_unit':'shares'}", "threshold_unit")]
    [InlineData("{'threshold_unit':null}", "threshold_unit")]
    [InlineData("{'action':'reduce_size'}", "action")]
    [InlineData("{'action':null}", "action")]
    [InlineData("{'rule_type':'order_rate_limit','threshold_unit':'count','threshold_value':20,'action':'block'}", "params.window_seconds")]
    [InlineData("{'params':{'window_seconds':30}}", "params.window_seconds")]
    [InlineData("{'params':null}", "params")]
    [InlineData("{'rule_type':'restricted_symbols','threshold_unit':'count','threshold_value':1,'action':'block','symbols':[]}", "symbols")]
    [InlineData("{'symbols':['A B']}", "symbols[0]")]
    [InlineData("{'symbols':null}", "symbols")]
    [InlineData("{'name':''}", "name")]
    [InlineData("{'name':null}", "name")]
    [InlineData("{'is_active':null}", "is_active")]
    [InlineData("{'is_active':'no'}", "is_active")]
    [InlineData("{'strategy_id':'nope'}", "strategy_id")]
    public async Task Put_LeavingTheRuleInvalid_Returns400NamingTheFieldAndChangesNothing(string body, string field)
    {
        var client = await SignedInAsync();
        var before = await CreateFullAsync(client);

        (await PutRawAsync(client, RulePath(before), body)).EnsureValidationError(field);

        var after = (await client.GetAsync(RulePath(before))).EnsureStatus(HttpStatusCode.OK).Body;
        Assert.True(JsonNode.DeepEquals(before, after), $"{before} -> {after}");
    }

    [Fact]
    public async Task Put_UnknownRule_Returns404()
    {
        var client = await SignedInAsync();

        (await PutRawAsync(client, $"{RulesPath}/{Guid.NewGuid()}", "{'threshold_value':3}")).EnsureProblem(HttpStatusCode.NotFound);
    }

    /// <summary>A max_daily_loss rule, 5 percent, alert, with a description, a strategy and symbols.</summary>
    private static Task<JsonNode> CreateFullAsync(ApiClient client) => CreateAsync(client,
        $"{{'name':'Daily loss','description':'Stop the bleeding','rule_type':'max_daily_loss','threshold_value':5,"
        + $"'strategy_id':'{StrategyId}','symbols':['AAPL','MSFT']}}");

    private static string RulePath(JsonNode rule) => $"{RulesPath}/{rule["id"]!.GetValue<Guid>()}";
}

[Collection(nameof(SqliteCollection))]
public sealed class RiskRuleUpdateTestsOnSqlite(SqliteApiFixture fixture) : RiskRuleUpdateTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class RiskRuleUpdateTestsOnPostgres(PostgresApiFixture fixture) : RiskRuleUpdateTests(fixture);
