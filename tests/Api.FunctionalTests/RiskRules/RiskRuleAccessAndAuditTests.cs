using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using static RiskPlatform.Api.FunctionalTests.RiskRules.RiskRuleApi;

namespace RiskPlatform.Api.FunctionalTests.RiskRules;

public abstract class RiskRuleAccessAndAuditTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task AnotherUsersRule_IsNotFoundForEveryOperation_AndStaysUnchanged()
    {
        var alice = await SignedInAsync();
        var bob = await SignedInAsync();
        var rule = await CreateDailyLossAsync(alice);
        var path = $"{RulesPath}/{rule["id"]!.GetValue<Guid>()}";

        (await bob.GetAsync(path)).EnsureProblem(HttpStatusCode.NotFound);
        (await PutRawAsync(bob, path, "{'threshold_value':1}")).EnsureProblem(HttpStatusCode.NotFound);
        (await bob.DeleteAsync(path)).EnsureProblem(HttpStatusCode.NotFound);
        (await bob.GetAsync($"{path}/breaches")).EnsureProblem(HttpStatusCode.NotFound);
        Assert.Empty((await bob.GetAsync(RulesPath)).Array);

        var after = (await alice.GetAsync(path)).EnsureStatus(HttpStatusCode.OK).Body;
        Assert.True(JsonNode.DeepEquals(rule, after), $"{rule} -> {after}");
    }

    [Fact]
    public async Task AnotherUsersRule_ChangeAttempts_AreAuditedAsDenied()
    {
        var alice = await SignedInAsync();
        var bob = await SignedInAsync();
        var rule = await CreateDailyLossAsync(alice);
        var id = rule["id"]!.GetValue<Guid>();

        await PutRawAsync(bob, $"{RulesPath}/{id}", "{'threshold_value':1}");
        await bob.DeleteAsync($"{RulesPath}/{id}");

        var rows = (await bob.GetAsync($"/api/v1/audit-logs?resource_id={id}")).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal(["DeleteRiskRule", "UpdateRiskRule"], rows.Select(r => r!["action"]!.GetValue<string>()));
        Assert.All(rows, r =>
        {
            Assert.Equal("denied", r!["outcome"]!.GetValue<string>());
            Assert.Equal("not_found", r["error_code"]!.GetValue<string>());
            Assert.Equal("risk_rule", r["resource_type"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Changes_AreAuditedWithOldAndNewValues()
    {
        var client = await SignedInAsync();
        var rule = await CreateAsync(client, "{'name':'Daily loss','rule_type':'max_daily_loss','threshold_value':5,'symbols':['AAPL']}");
        var id = rule["id"]!.GetValue<Guid>();

        (await PutRawAsync(client, $"{RulesPath}/{id}", "{'threshold_value':3,'action':'block','symbols':['AAPL','TSLA']}")).EnsureStatus(HttpStatusCode.OK);
        (await client.DeleteAsync($"{RulesPath}/{id}")).EnsureStatus(HttpStatusCode.NoContent);

        var rows = (await client.GetAsync($"/api/v1/audit-logs?resource_type=risk_rule&resource_id={id}")).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal(["DeleteRiskRule", "UpdateRiskRule", "CreateRiskRule"], rows.Select(r => r!["action"]!.GetValue<string>()));
        Assert.All(rows, r => Assert.Equal("succeeded", r!["outcome"]!.GetValue<string>()));
        var descriptions = rows.Select(r => r!["description"]!.GetValue<string>()).ToList();

        Assert.Contains("threshold_value: 5 -> 3", descriptions[1], StringComparison.Ordinal);
        Assert.Contains("action: alert -> block", descriptions[1], StringComparison.Ordinal);
        Assert.Contains("symbols: [AAPL] -> [AAPL,TSLA]", descriptions[1], StringComparison.Ordinal);
        Assert.DoesNotContain("name:", descriptions[1], StringComparison.Ordinal);
        foreach (var expected in new[] { "name: Daily loss", "rule_type: max_daily_loss", "threshold_value: 5", "threshold_unit: percent", "action: alert", "symbols: [AAPL]" })
        {
            Assert.Contains(expected, descriptions[2], StringComparison.Ordinal);
        }

        Assert.Contains("threshold_value: 3", descriptions[0], StringComparison.Ordinal);
        Assert.Contains("action: block", descriptions[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedUpdate_IsAuditedAsFailedAndChangesNothing()
    {
        var client = await SignedInAsync();
        var rule = await CreateDailyLossAsync(client);
        var id = rule["id"]!.GetValue<Guid>();

        (await PutRawAsync(client, $"{RulesPath}/{id}", "{'rule_type':'max_leverage'}")).EnsureValidationError("threshold_unit");

        var update = Assert.Single((await client.GetAsync($"/api/v1/audit-logs?resource_id={id}")).Array, r => r!["action"]!.GetValue<string>() == "UpdateRiskRule");
        Assert.Equal("failed", update!["outcome"]!.GetValue<string>());
        Assert.Equal("validation_failed", update["error_code"]!.GetValue<string>());
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class RiskRuleAccessAndAuditTestsOnSqlite(SqliteApiFixture fixture) : RiskRuleAccessAndAuditTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class RiskRuleAccessAndAuditTestsOnPostgres(PostgresApiFixture fixture) : RiskRuleAccessAndAuditTests(fixture);
