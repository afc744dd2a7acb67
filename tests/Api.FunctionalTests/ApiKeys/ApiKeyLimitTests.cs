using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using static RiskPlatform.Api.FunctionalTests.ApiKeys.ApiKeyTestData;

namespace RiskPlatform.Api.FunctionalTests.ApiKeys;

/// <summary>The per-user key limit (Vault:MaxKeysPerUser, 25 by default) holds under concurrent creates.</summary>
public abstract class ApiKeyLimitTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const int Limit = 25;

    [Fact]
    public async Task Create_WhenConcurrentCreatesRaceForTheLastSlot_ExactlyOneWinsAndTheRestAre409()
    {
        var client = await SignedInAsync();
        for (var i = 0; i < Limit - 1; i++)
        {
            await CreateAsync(client, $"key {i}");
        }

        var racers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.PostAsync(Route, CreateBody($"racer {i}"))));

        Assert.Single(racers, r => r.Status == HttpStatusCode.Created);
        Assert.All(racers.Where(r => r.Status != HttpStatusCode.Created), r =>
            Assert.Equal("api_key.limit_reached", r.EnsureProblem(HttpStatusCode.Conflict).Body!["code"]!.GetValue<string>()));
        Assert.Equal(Limit, (await client.GetAsync(Route)).EnsureStatus(HttpStatusCode.OK).Array.Count);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ApiKeyLimitTestsOnSqlite(SqliteApiFixture fixture) : ApiKeyLimitTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class ApiKeyLimitTestsOnPostgres(PostgresApiFixture fixture) : ApiKeyLimitTests(fixture);
