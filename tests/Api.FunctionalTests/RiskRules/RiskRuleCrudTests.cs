using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using static RiskPlatform.Api.FunctionalTests.RiskRules.RiskRuleApi;

namespace RiskPlatform.Api.FunctionalTests.RiskRules;

public abstract class RiskRuleCrudTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static readonly string[] RuleFields =
    [
        "id", "user_id", "name", "description", "rule_type", "threshold_value", "threshold_unit", "action", "is_active",
        "strategy_id", "symbols", "params", "breach_count", "last_breach_at", "created_at", "updated_at",
    ];

    [Fact]
    public async Task CrudRoundTrip_UsesTheWireFieldNamesAndEnumStrings()
    {
        var client = await SignedInAsync();
        var strategyId = Guid.NewGuid();

        var created = await client.PostRawAsync(RulesPath, Json(
            $"{{'name':' Max position ','description':'Keep positions small','rule_type':'max_position_size','threshold_value':25000.50,"
            + $"'threshold_unit':'dollars','action':'reduce_size','is_active':false,'strategy_id':'{strategyId}','symbols':['aapl',' MSFT','AAPL']}}"));

        created.EnsureStatus(HttpStatusCode.Created);
        var rule = created.Body!.AsObject();
        var id = rule["id"]!.GetValue<Guid>();
        Assert.Equal($"{RulesPath}/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(RuleFields.Order(StringComparer.Ordinal), rule.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(client.UserId, rule["user_id"]!.GetValue<Guid>());
        Assert.Equal("Max position", rule["name"]!.GetValue<string>());
        Assert.Equal("Keep positions small", rule["description"]!.GetValue<string>());
        Assert.Equal("max_position_size", rule["rule_type"]!.GetValue<string>());
        Assert.Equal(25000.50m, rule["threshold_value"]!.GetValue<decimal>());
        Assert.Equal("dollars", rule["threshold_unit"]!.GetValue<string>());
        Assert.Equal("reduce_size", rule["action"]!.GetValue<string>());
        Assert.False(rule["is_active"]!.GetValue<bool>());
        Assert.Equal(strategyId, rule["strategy_id"]!.GetValue<Guid>());
        Assert.Equal(["AAPL", "MSFT"], rule["symbols"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"window_seconds\":null}"), rule["params"]));
        Assert.Equal(0, rule["breach_count"]!.GetValue<int>());
        Assert.Null(rule["last_breach_at"]);
        Assert.EndsWith("Z", rule["created_at"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(rule["created_at"]!.GetValue<string>(), rule["updated_at"]!.GetValue<string>());

        var fetched = (await client.GetAsync($"{RulesPath}/{id}")).EnsureStatus(HttpStatusCode.OK).Body;
        Assert.True(JsonNode.DeepEquals(rule, fetched), $"GET differs from POST: {fetched}");

        var listed = (await client.GetAsync(RulesPath)).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.True(JsonNode.DeepEquals(rule, Assert.Single(listed)));

        var updated = (await PutRawAsync(client, $"{RulesPath}/{id}", "{'threshold_value':30000,'action':'block','is_active':true}"))
            .EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(30000m, updated["threshold_value"]!.GetValue<decimal>());
        Assert.Equal("block", updated["action"]!.GetValue<string>());
        Assert.True(updated["is_active"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(updated, (await client.GetAsync($"{RulesPath}/{id}")).Body));

        (await client.DeleteAsync($"{RulesPath}/{id}")).EnsureStatus(HttpStatusCode.NoContent);
        (await client.GetAsync($"{RulesPath}/{id}")).EnsureProblem(HttpStatusCode.NotFound);
        Assert.Empty((await client.GetAsync(RulesPath)).Array);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM risk_rules"));
    }

    [Fact]
    public async Task Create_WithOnlyRequiredFields_AppliesTheDefaults()
    {
        var client = await SignedInAsync();

        var rule = await CreateAsync(client, "{'name':'Drawdown','rule_type':'max_drawdown','threshold_value':10}");

        Assert.Equal("percent", rule["threshold_unit"]!.GetValue<string>());
        Assert.Equal("alert", rule["action"]!.GetValue<string>());
        Assert.True(rule["is_active"]!.GetValue<bool>());
        Assert.Null(rule["description"]);
        Assert.Null(rule["strategy_id"]);
        Assert.Empty(rule["symbols"]!.AsArray());
    }

    [Theory]
    [InlineData("max_position_size", "shares", "close_position", "500", "")]
    [InlineData("max_order_value", "dollars", "reduce_size", "10000", "")]
    [InlineData("max_daily_loss", "dollars", "close_all", "2000", "")]
    [InlineData("max_drawdown", "percent", "block", "15", "")]
    [InlineData("position_limit", "count", "block", "10", "")]
    [InlineData("max_leverage", "ratio", "reduce_size", "2.5", "")]
    [InlineData("max_concentration", "percent", "close_position", "20", "")]
    [InlineData("order_rate_limit", "count", "block", "30", ",'params':{'window_seconds':60}")]
    [InlineData("restricted_symbols", "count", "block", "1", ",'symbols':['GME','AMC']")]
    [InlineData("price_collar", "percent", "alert", "5", "")]
    [InlineData("stop_loss", "percent", "close_position", "8", "")]
    [InlineData("take_profit", "percent", "close_all", "150", "")]
    public async Task Create_EachSupportedTypeWithAFittingUnitAndAction_Returns201(
        string ruleType, string unit, string action, string threshold, string extra)
    {
        var client = await SignedInAsync();

        var rule = await CreateAsync(client,
            $"{{'name':'{ruleType}','rule_type':'{ruleType}','threshold_value':{threshold},'threshold_unit':'{unit}','action':'{action}'{extra}}}");

        Assert.Equal(ruleType, rule["rule_type"]!.GetValue<string>());
        Assert.Equal(unit, rule["threshold_unit"]!.GetValue<string>());
        Assert.Equal(action, rule["action"]!.GetValue<string>());
        Assert.Equal(decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture), rule["threshold_value"]!.GetValue<decimal>());
        Assert.Equal(ruleType == "order_rate_limit" ? 60 : null, rule["params"]!["window_seconds"]?.GetValue<int>());
        Assert.Equal(ruleType == "restricted_symbols" ? ["GME", "AMC"] : [], rule["symbols"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task List_FiltersByStrategyActiveFlagAndType_NewestFirst()
    {
        var client = await SignedInAsync();
        var strategyId = Guid.NewGuid();
        var first = await CreateAsync(client, $"{{'name':'a','rule_type':'max_daily_loss','threshold_value':5,'strategy_id':'{strategyId}'}}");
        var second = await CreateAsync(client, "{'name':'b','rule_type':'max_drawdown','threshold_value':10,'is_active':false}");
        var third = await CreateAsync(client, $"{{'name':'c','rule_type':'max_drawdown','threshold_value':12,'strategy_id':'{strategyId}'}}");

        static IEnumerable<string> Names(ApiResponse response) =>
            response.EnsureStatus(HttpStatusCode.OK).Array.Select(r => r!["name"]!.GetValue<string>());

        Assert.Equal(["c", "b", "a"], Names(await client.GetAsync(RulesPath)));
        Assert.Equal(["c", "a"], Names(await client.GetAsync($"{RulesPath}?strategy_id={strategyId}")));
        Assert.Equal(["b"], Names(await client.GetAsync($"{RulesPath}?is_active=false")));
        Assert.Equal(["c", "b"], Names(await client.GetAsync($"{RulesPath}?rule_type=max_drawdown")));
        Assert.Equal(["c"], Names(await client.GetAsync($"{RulesPath}?rule_type=max_drawdown&is_active=true&strategy_id={strategyId}")));
        Assert.Empty(Names(await client.GetAsync($"{RulesPath}?rule_type=stop_loss")));
        Assert.NotNull(first["id"]);
        Assert.NotNull(second["id"]);
        Assert.NotNull(third["id"]);
    }

    [Theory]
    [InlineData("rule_type=MaxDrawdown", "rule_type")]
    [InlineData("rule_type=bogus", "rule_type")]
    [InlineData("rule_type=2", "rule_type")]
    [InlineData("is_active=maybe", "is_active")]
    [InlineData("strategy_id=not-a-guid", "strategy_id")]
    public async Task List_WithBadQuery_Returns400NamingTheField(string query, string field)
    {
        var client = await SignedInAsync();

        (await client.GetAsync($"{RulesPath}?{query}")).EnsureValidationError(field);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheRuleEndpointsAndThePartialUpdateBody()
    {
        var document = (await Anonymous().GetAsync("/openapi/v1.json")).EnsureStatus(HttpStatusCode.OK).Body!;

        var paths = document["paths"]!.AsObject().ToDictionary(p => p.Key.TrimEnd('/'), p => p.Value!.AsObject().Select(o => o.Key).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["get", "post"], paths[RulesPath]);
        Assert.Equal(["delete", "get", "put"], paths[$"{RulesPath}/{{id}}"]);
        Assert.Equal(["get"], paths[$"{RulesPath}/{{id}}/breaches"]);

        var text = document.ToJsonString();
        Assert.DoesNotContain("description_sent", text, StringComparison.Ordinal);
        Assert.DoesNotContain("strategy_id_sent", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BeyondTheRulesAUserMayHold_Answers409UntilOneIsDeleted()
    {
        await using var host = new RiskPlatformApiFactory(
            Fixture.Provider, Fixture.ConnectionString, Fixture.Logs, settings: new Dictionary<string, string?> { ["Risk:MaxRulesPerUser"] = "3" });
        using var client = new ApiClient(host.CreateClient());
        await client.SignInAsNewUserAsync($"many-rules-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
        using var other = new ApiClient(host.CreateClient());
        await other.SignInAsNewUserAsync($"few-rules-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await CreateDailyLossAsync(client, $"Daily loss {i}"))["id"]!.GetValue<Guid>());
        }

        var refused = await client.PostRawAsync(RulesPath, Json("{'name':'One too many','rule_type':'max_daily_loss','threshold_value':5}"));

        Assert.Equal("risk_rule.limit_reached", refused.EnsureProblem(HttpStatusCode.Conflict).Body!["code"]!.GetValue<string>());
        await CreateDailyLossAsync(other); // the limit is per user
        (await client.DeleteAsync($"{RulesPath}/{ids[0]}")).EnsureStatus(HttpStatusCode.NoContent);
        await CreateDailyLossAsync(client, "Room again");
    }

    [Fact]
    public async Task Endpoints_WithoutToken_Return401()
    {
        var anonymous = Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(RulesPath)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostRawAsync(RulesPath, Json("{'name':'x','rule_type':'max_daily_loss','threshold_value':5}"))).Status);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM risk_rules"));
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class RiskRuleCrudTestsOnSqlite(SqliteApiFixture fixture) : RiskRuleCrudTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class RiskRuleCrudTestsOnPostgres(PostgresApiFixture fixture) : RiskRuleCrudTests(fixture);
