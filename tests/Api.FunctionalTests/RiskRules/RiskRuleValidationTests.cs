using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using static RiskPlatform.Api.FunctionalTests.RiskRules.RiskRuleApi;

namespace RiskPlatform.Api.FunctionalTests.RiskRules;

public abstract class RiskRuleValidationTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Theory]
    [InlineData("{'rule_type':'max_daily_loss','threshold_value':5}", "name")]
    [InlineData("{'name':'  ','rule_type':'max_daily_loss','threshold_value':5}", "name")]
    [InlineData("{'name':null,'rule_type':'max_daily_loss','threshold_value':5}", "name")]
    [InlineData("{'name':42,'rule_type':'max_daily_loss','threshold_value':5}", "name")]
    [InlineData("{'name':'r','threshold_value':5}", "rule_type")]
    [InlineData("{'name':'r','rule_type':'max_loss_ever','threshold_value':5}", "rule_type")]
    [InlineData("{'name':'r','rule_type':2,'threshold_value':5}", "rule_type")]
    [InlineData("{'name':'r','rule_type':'max_correlation','threshold_value':0.8}", "threshold_unit")]
    [InlineData("{'name':'r','rule_type':'max_correlation','threshold_value':1.2,'threshold_unit':'ratio'}", "threshold_value")]
    [InlineData("{'name':'r','rule_type':'max_correlation','threshold_value':0.8,'threshold_unit':'ratio','action':'reduce_size'}", "action")]
    [InlineData("{'name':'r','rule_type':'max_correlation','threshold_value':0.8,'threshold_unit':'ratio','params':{'lookback_days':19}}", "params.lookback_days")]
    [InlineData("{'name':'r','rule_type':'max_correlation','threshold_value':0.8,'threshold_unit':'ratio','params':{'lookback_days':1261}}", "params.lookback_days")]
    [InlineData("{'name':'r','rule_type':'max_correlation','threshold_value':0.8,'threshold_unit':'ratio','params':{'sectors':['Energy']}}", "params.sectors")]
    [InlineData("{'name':'r','rule_type':'sector_limit','threshold_value':30,'threshold_unit':'ratio'}", "threshold_unit")]
    [InlineData("{'name':'r','rule_type':'sector_limit','threshold_value':130}", "threshold_value")]
    [InlineData("{'name':'r','rule_type':'sector_limit','threshold_value':30,'params':{'sectors':['']}}", "params.sectors")]
    [InlineData("{'name':'r','rule_type':'sector_limit','threshold_value':30,'params':{'lookback_days':60}}", "params.lookback_days")]
    [InlineData("{'name':'r','rule_type':'max_leverage','threshold_value':2,'threshold_unit':'ratio','params':{'sectors':['Energy']}}", "params.sectors")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss'}", "threshold_value")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':0}", "threshold_value")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':-5}", "threshold_value")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':'5'}", "threshold_value")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':150}", "threshold_value")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':0.000000001,'threshold_unit':'dollars'}", "threshold_value")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':100000000000000000000,'threshold_unit':'dollars'}", "threshold_value")]
    [InlineData("{'name':'r','rule_type':'position_limit','threshold_value':2.5,'threshold_unit':'count'}", "threshold_value")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'threshold_unit':'furlongs'}", "threshold_unit")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'threshold_unit':null}", "threshold_unit")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'threshold_unit':'ratio'}", "threshold_unit")]
    [InlineData("{'name':'r','rule_type':'max_leverage','threshold_value':2}", "threshold_unit")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'action':'panic'}", "action")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'action':'reduce_size'}", "action")]
    [InlineData("{'name':'r','rule_type':'max_order_value','threshold_value':5000,'threshold_unit':'dollars','action':'close_all'}", "action")]
    [InlineData("{'name':'r','rule_type':'stop_loss','threshold_value':5,'action':'block'}", "action")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'is_active':'yes'}", "is_active")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'strategy_id':'not-a-guid'}", "strategy_id")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'strategy_id':'00000000-0000-0000-0000-000000000000'}", "strategy_id")]
    [InlineData("{'name':'r','rule_type':'order_rate_limit','threshold_value':10,'threshold_unit':'count'}", "params.window_seconds")]
    [InlineData("{'name':'r','rule_type':'order_rate_limit','threshold_value':10,'threshold_unit':'count','params':{}}", "params.window_seconds")]
    [InlineData("{'name':'r','rule_type':'order_rate_limit','threshold_value':10,'threshold_unit':'count','params':{'window_seconds':0}}", "params.window_seconds")]
    [InlineData("{'name':'r','rule_type':'order_rate_limit','threshold_value':10,'threshold_unit':'count','params':{'window_seconds':'60'}}", "params.window_seconds")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'params':{'window_seconds':60}}", "params.window_seconds")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'params':'fast'}", "params")]
    [InlineData("{'name':'r','rule_type':'restricted_symbols','threshold_value':1,'threshold_unit':'count'}", "symbols")]
    [InlineData("{'name':'r','rule_type':'restricted_symbols','threshold_value':1,'threshold_unit':'count','symbols':[]}", "symbols")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'symbols':'AAPL'}", "symbols")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'symbols':['AAPL','BRK B']}", "symbols[1]")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'symbols':['']}", "symbols[0]")]
    [InlineData("{'name':'r','rule_type':'max_daily_loss','threshold_value':5,'symbols':['ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG']}", "symbols[0]")]
    public async Task Create_WithBadField_Returns400NamingIt(string body, string field)
    {
        var client = await SignedInAsync();

        (await client.PostRawAsync(RulesPath, Json(body))).EnsureValidationError(field);

        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM risk_rules"));
    }

    [Theory]
    [InlineData(256, "name")]
    [InlineData(2001, "description")]
    public async Task Create_WithTooLongText_Returns400NamingIt(int length, string field)
    {
        var client = await SignedInAsync();
        var text = new string('x', length);
        var body = field == "name"
            ? $"{{'name':'{text}','rule_type':'max_daily_loss','threshold_value':5}}"
            : $"{{'name':'r','description':'{text}','rule_type':'max_daily_loss','threshold_value':5}}";

        (await client.PostRawAsync(RulesPath, Json(body))).EnsureValidationError(field);
    }

    [Fact]
    public async Task Create_CorrelationAndSectorRules_StoresTheirParams_AndReadsThemBack()
    {
        var client = await SignedInAsync();

        var correlation = (await client.PostRawAsync(RulesPath, Json(
            "{'name':'c','rule_type':'max_correlation','threshold_value':0.8,'threshold_unit':'ratio','action':'block','params':{'lookback_days':90}}")))
            .EnsureStatus(HttpStatusCode.Created).Body!;
        var sector = (await client.PostRawAsync(RulesPath, Json(
            "{'name':'s','rule_type':'sector_limit','threshold_value':30,'action':'reduce_size','params':{'sectors':[' Energy ','energy','Utilities']}}")))
            .EnsureStatus(HttpStatusCode.Created).Body!;
        var plain = (await client.PostRawAsync(RulesPath, Json("{'name':'p','rule_type':'max_daily_loss','threshold_value':5}")))
            .EnsureStatus(HttpStatusCode.Created).Body!;

        var readCorrelation = (await client.GetAsync($"{RulesPath}/{correlation["id"]}")).EnsureStatus(HttpStatusCode.OK).Body!;
        var readSector = (await client.GetAsync($"{RulesPath}/{sector["id"]}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(90, readCorrelation["params"]!["lookback_days"]!.GetValue<int>());
        Assert.Null(readCorrelation["params"]!["sectors"]);
        Assert.Equal(["Energy", "Utilities"], readSector["params"]!["sectors"]!.AsArray().Select(s => s!.GetValue<string>()));

        // A rule of any other type reads exactly as before: params holds window_seconds only.
        Assert.Equal("""{"window_seconds":null}""", plain["params"]!.ToJsonString());
    }

    [Fact]
    public async Task Create_WithUnknownParamsKey_IgnoresIt()
    {
        var client = await SignedInAsync();

        var rule = await CreateAsync(client,
            "{'name':'r','rule_type':'order_rate_limit','threshold_value':10,'threshold_unit':'count','params':{'window_seconds':60,'burst':3}}");

        Assert.Equal(60, rule["params"]!["window_seconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_WithPercentAboveHundredOnTakeProfit_IsAllowed()
    {
        var client = await SignedInAsync();

        var rule = await CreateAsync(client, "{'name':'r','rule_type':'take_profit','threshold_value':250}");

        Assert.Equal(250m, rule["threshold_value"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Create_WithMalformedJson_Returns400()
    {
        var client = await SignedInAsync();

        (await client.PostRawAsync(RulesPath, "{\"name\":")).EnsureProblem(HttpStatusCode.BadRequest);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class RiskRuleValidationTestsOnSqlite(SqliteApiFixture fixture) : RiskRuleValidationTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class RiskRuleValidationTestsOnPostgres(PostgresApiFixture fixture) : RiskRuleValidationTests(fixture);
