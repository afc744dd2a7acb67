using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using RiskPlatform.Api.FunctionalTests.ApiKeys;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Auditing;

/// <summary>
/// GET /api/v1/audit-logs filters over a known trail: Register and Login (resource <c>user</c>), then two API keys, A with
/// three commands and B with two (resource <c>api_key</c>). Every filter must return exactly its subset, newest first.
/// </summary>
public abstract class AuditLogFilterTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Route = "/api/v1/audit-logs";

    [Fact]
    public async Task List_WhenFilteredByResourceType_ReturnsExactlyThatTypesRowsNewestFirst()
    {
        var (client, all, _, _) = await SeedAsync();

        var apiKeys = (await client.GetAsync($"{Route}?resource_type=api_key")).EnsureStatus(HttpStatusCode.OK).Array;
        var users = (await client.GetAsync($"{Route}?resource_type=user")).EnsureStatus(HttpStatusCode.OK).Array;
        var none = (await client.GetAsync($"{Route}?resource_type=risk_rule")).EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Equal(5, apiKeys.Count);
        Assert.Equal(Ids(all.Where(r => r!["resource_type"]?.GetValue<string>() == "api_key")), Ids(apiKeys));
        Assert.Equal(["Login", "Register"], users.Select(r => r!["action"]!.GetValue<string>()));
        Assert.Equal(Ids(all.Where(r => r!["resource_type"]?.GetValue<string>() == "user")), Ids(users));
        Assert.Empty(none);
    }

    [Fact]
    public async Task List_WhenFilteredByResourceId_ReturnsExactlyThatResourcesRowsNewestFirst()
    {
        var (client, all, keyA, keyB) = await SeedAsync();

        var rowsA = (await client.GetAsync($"{Route}?resource_id={keyA}")).EnsureStatus(HttpStatusCode.OK).Array;
        var rowsB = (await client.GetAsync($"{Route}?resource_id={keyB}&resource_type=api_key")).EnsureStatus(HttpStatusCode.OK).Array;
        var wrongType = (await client.GetAsync($"{Route}?resource_id={keyA}&resource_type=user")).EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Equal(["UpdateApiKey", "UpdateApiKey", "CreateApiKey"], rowsA.Select(r => r!["action"]!.GetValue<string>()));
        Assert.Equal(Ids(all.Where(r => r!["resource_id"]?.GetValue<string>() == keyA.ToString())), Ids(rowsA));
        Assert.Equal(["UpdateApiKey", "CreateApiKey"], rowsB.Select(r => r!["action"]!.GetValue<string>()));
        Assert.Equal(Ids(all.Where(r => r!["resource_id"]?.GetValue<string>() == keyB.ToString())), Ids(rowsB));
        Assert.Empty(wrongType);
    }

    [Fact]
    public async Task List_WhenFilteredByFromToOrBoth_ReturnsExactlyTheRowsInsideTheRangeNewestFirst()
    {
        var (client, all, _, _) = await SeedAsync();
        var times = all.Select(Timestamp).ToList();

        // Bounds fall strictly between two rows' timestamps, so the answer doesn't hinge on whether a bound is inclusive.
        var afterThird = Between(times[3], times[2]);
        var beforeSecond = Between(times[2], times[1]);
        var afterFifth = Between(times[5], times[4]);

        var from = (await client.GetAsync($"{Route}?from={Query(afterThird)}")).EnsureStatus(HttpStatusCode.OK).Array;
        var to = (await client.GetAsync($"{Route}?to={Query(afterThird)}")).EnsureStatus(HttpStatusCode.OK).Array;
        var range = (await client.GetAsync($"{Route}?from={Query(afterFifth)}&to={Query(beforeSecond)}")).EnsureStatus(HttpStatusCode.OK).Array;
        var fromWithOffset = (await client.GetAsync($"{Route}?from={Uri.EscapeDataString(new DateTimeOffset(afterThird).ToOffset(TimeSpan.FromHours(2)).ToString("O", CultureInfo.InvariantCulture))}"))
            .EnsureStatus(HttpStatusCode.OK).Array;
        var rangeOfUsers = (await client.GetAsync($"{Route}?from={Query(afterFifth)}&to={Query(beforeSecond)}&resource_type=user"))
            .EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Equal(Ids(all.Take(3)), Ids(from));
        Assert.Equal(Ids(all.Take(3)), Ids(fromWithOffset));
        Assert.Equal(Ids(all.Skip(3)), Ids(to));
        Assert.Equal(Ids(all.Skip(2).Take(3)), Ids(range));
        Assert.Empty(rangeOfUsers);
    }

    [Fact]
    public async Task List_WhenPagedWithLimitAndOffset_ReturnsConsecutiveSlicesOfTheNewestFirstTrail()
    {
        var (client, all, _, _) = await SeedAsync();

        var first = (await client.GetAsync($"{Route}?limit=3")).EnsureStatus(HttpStatusCode.OK).Array;
        var second = (await client.GetAsync($"{Route}?limit=3&offset=3")).EnsureStatus(HttpStatusCode.OK).Array;
        var third = (await client.GetAsync($"{Route}?limit=3&offset=6")).EnsureStatus(HttpStatusCode.OK).Array;
        var beyond = (await client.GetAsync($"{Route}?limit=3&offset=7")).EnsureStatus(HttpStatusCode.OK).Array;
        var filteredPage = (await client.GetAsync($"{Route}?resource_type=api_key&limit=2&offset=1")).EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Equal([3, 3, 1], new[] { first.Count, second.Count, third.Count });
        Assert.Equal(Ids(all), Ids(first).Concat(Ids(second)).Concat(Ids(third)));
        Assert.Empty(beyond);
        Assert.Equal(Ids(all.Where(r => r!["resource_type"]?.GetValue<string>() == "api_key").Skip(1).Take(2)), Ids(filteredPage));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("resource_type=api_key&limit=201", "limit")]
    [InlineData("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    public async Task List_WhenPagingOrRangeIsOutOfBounds_Returns400NamingTheField(string query, string field)
    {
        var client = await SignedInAsync();

        (await client.GetAsync($"{Route}?{query}")).EnsureValidationError(field);
    }

    [Fact]
    public async Task List_WhenLimitIsTheMaximum_Returns200()
    {
        var client = await SignedInAsync();

        var rows = (await client.GetAsync($"{Route}?limit=200&offset=0")).EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Equal(2, rows.Count);
    }

    /// <summary>Register, Login, create A, create B, update A, update B, update A: seven rows, A with three, B with two.</summary>
    private async Task<(ApiClient Client, JsonArray All, Guid KeyA, Guid KeyB)> SeedAsync()
    {
        var client = await SignedInAsync();
        var keyA = ApiKeyTestData.IdOf(await ApiKeyTestData.CreateAsync(client, "key A"));
        var keyB = ApiKeyTestData.IdOf(await ApiKeyTestData.CreateAsync(client, "key B"));
        (await client.PutAsync($"{ApiKeyTestData.Route}/{keyA}", new { description = "first change" })).EnsureStatus(HttpStatusCode.OK);
        (await client.PutAsync($"{ApiKeyTestData.Route}/{keyB}", new { description = "first change" })).EnsureStatus(HttpStatusCode.OK);
        (await client.PutAsync($"{ApiKeyTestData.Route}/{keyA}", new { description = "second change" })).EnsureStatus(HttpStatusCode.OK);

        var all = (await client.GetAsync(Route)).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal(
            ["UpdateApiKey", "UpdateApiKey", "UpdateApiKey", "CreateApiKey", "CreateApiKey", "Login", "Register"],
            all.Select(r => r!["action"]!.GetValue<string>()));
        var times = all.Select(Timestamp).ToList();
        Assert.True(times.Zip(times.Skip(1)).All(pair => pair.First > pair.Second), $"timestamps not strictly newest first: {string.Join(", ", times)}");
        return (client, all, keyA, keyB);
    }

    private static List<string> Ids(IEnumerable<JsonNode?> rows) => [.. rows.Select(r => r!["id"]!.GetValue<string>())];

    private static DateTime Timestamp(JsonNode? row) =>
        DateTime.Parse(row!["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static DateTime Between(DateTime earlier, DateTime later) => earlier + ((later - earlier) / 2);

    private static string Query(DateTime value) => Uri.EscapeDataString(value.ToString("O", CultureInfo.InvariantCulture));
}

[Collection(nameof(SqliteCollection))]
public sealed class AuditLogFilterTestsOnSqlite(SqliteApiFixture fixture) : AuditLogFilterTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class AuditLogFilterTestsOnPostgres(PostgresApiFixture fixture) : AuditLogFilterTests(fixture);
