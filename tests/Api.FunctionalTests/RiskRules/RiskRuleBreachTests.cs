using System.Globalization;
using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using static RiskPlatform.Api.FunctionalTests.RiskRules.RiskRuleApi;

namespace RiskPlatform.Api.FunctionalTests.RiskRules;

public abstract class RiskRuleBreachTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static readonly DateTime T0 = new(2026, 11, 24, 14, 30, 0, DateTimeKind.Utc);

    private static readonly string[] BreachFields =
    [
        "id", "rule_id", "rule_name", "rule_type", "threshold_value", "threshold_unit", "current_value", "limit", "action",
        "message", "symbol", "order_id", "source", "timestamp",
        "episode_id", "episode_started_at", "episode_ended_at", "worst_value", "action_taken", "action_taken_at", "end_reason",
    ];

    [Fact]
    public async Task Breaches_AreListedNewestFirst_AndCountedOnTheRule()
    {
        var client = await SignedInAsync();
        var rule = await CreateDailyLossAsync(client);
        var id = rule["id"]!.GetValue<Guid>();
        await RecordBreachesAsync(Fixture, id, T0, T0.AddMinutes(2), T0.AddMinutes(1));

        var breaches = (await client.GetAsync($"{RulesPath}/{id}/breaches")).EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Equal([T0.AddMinutes(2), T0.AddMinutes(1), T0], breaches.Select(b => Timestamp(b!["timestamp"]!.GetValue<string>())));
        var newest = breaches[0]!.AsObject();
        Assert.Equal(BreachFields.Order(StringComparer.Ordinal), newest.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(id, newest["rule_id"]!.GetValue<Guid>());
        Assert.Equal("Daily loss", newest["rule_name"]!.GetValue<string>());
        Assert.Equal("max_daily_loss", newest["rule_type"]!.GetValue<string>());
        Assert.Equal(5m, newest["threshold_value"]!.GetValue<decimal>());
        Assert.Equal("percent", newest["threshold_unit"]!.GetValue<string>());
        Assert.Equal(7m, newest["current_value"]!.GetValue<decimal>());
        Assert.Equal(5m, newest["limit"]!.GetValue<decimal>());
        Assert.Equal("alert", newest["action"]!.GetValue<string>());
        Assert.Equal("MAX_DAILY_LOSS_EXCEEDED: #1", newest["message"]!.GetValue<string>());
        Assert.Equal("AAPL", newest["symbol"]!.GetValue<string>());
        Assert.NotEqual(Guid.Empty, newest["order_id"]!.GetValue<Guid>());
        Assert.Equal("pre_trade", newest["source"]!.GetValue<string>());

        var stored = (await client.GetAsync($"{RulesPath}/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(3, stored["breach_count"]!.GetValue<int>());
        Assert.Equal(T0.AddMinutes(2), Timestamp(stored["last_breach_at"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Breaches_ArePagedWithLimitAndOffset_AndListOnlyThisRule()
    {
        var client = await SignedInAsync();
        var rule = await CreateDailyLossAsync(client);
        var other = await CreateDailyLossAsync(client, "Other");
        var id = rule["id"]!.GetValue<Guid>();
        await RecordBreachesAsync(Fixture, id, T0, T0.AddMinutes(1), T0.AddMinutes(2), T0.AddMinutes(3));
        await RecordBreachesAsync(Fixture, other["id"]!.GetValue<Guid>(), T0.AddHours(1));

        var page = (await client.GetAsync($"{RulesPath}/{id}/breaches?limit=2&offset=1")).EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Equal([T0.AddMinutes(2), T0.AddMinutes(1)], page.Select(b => Timestamp(b!["timestamp"]!.GetValue<string>())));
        Assert.All(page, b => Assert.Equal(id, b!["rule_id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Breaches_OfARuleWithoutAny_IsAnEmptyList()
    {
        var client = await SignedInAsync();
        var rule = await CreateDailyLossAsync(client);

        Assert.Empty((await client.GetAsync($"{RulesPath}/{rule["id"]}/breaches")).EnsureStatus(HttpStatusCode.OK).Array);
    }

    [Fact]
    public async Task Breaches_OutliveTheirRule_ButAnUnknownIdIsNotFound()
    {
        var client = await SignedInAsync();
        var rule = await CreateDailyLossAsync(client);
        var id = rule["id"]!.GetValue<Guid>();
        await RecordBreachesAsync(Fixture, id, T0);
        (await client.DeleteAsync($"{RulesPath}/{id}")).EnsureStatus(HttpStatusCode.NoContent);

        var history = (await client.GetAsync($"{RulesPath}/{id}/breaches")).EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Equal("Daily loss", Assert.Single(history)!["rule_name"]!.GetValue<string>());
        (await client.GetAsync($"{RulesPath}/{Guid.NewGuid()}/breaches")).EnsureProblem(HttpStatusCode.NotFound);
        (await (await SignedInAsync()).GetAsync($"{RulesPath}/{id}/breaches")).EnsureProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("limit=ten", "limit")]
    public async Task Breaches_WithBadPaging_Returns400NamingTheField(string query, string field)
    {
        var client = await SignedInAsync();
        var rule = await CreateDailyLossAsync(client);

        (await client.GetAsync($"{RulesPath}/{rule["id"]}/breaches?{query}")).EnsureValidationError(field);
    }

    private static DateTime Timestamp(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

[Collection(nameof(SqliteCollection))]
public sealed class RiskRuleBreachTestsOnSqlite(SqliteApiFixture fixture) : RiskRuleBreachTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class RiskRuleBreachTestsOnPostgres(PostgresApiFixture fixture) : RiskRuleBreachTests(fixture);
