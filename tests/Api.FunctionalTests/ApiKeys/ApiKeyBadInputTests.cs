using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using static RiskPlatform.Api.FunctionalTests.ApiKeys.ApiKeyTestData;

namespace RiskPlatform.Api.FunctionalTests.ApiKeys;

/// <summary>Bad input on the vault's update, rotate, create, list and audit-log endpoints: a 400 naming the field, and nothing changes.</summary>
public abstract class ApiKeyBadInputTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    /// <summary>Raw JSON bodies, so wrong JSON types can be sent as they are.</summary>
    public static TheoryData<string, string> BadUpdateBodies => new()
    {
        { "description", $$"""{"description":"{{new string('d', 1001)}}"}""" },
        { "account_id", $$"""{"account_id":"{{new string('a', 101)}}"}""" },
        { "account_id", """{"account_id":"ACC\u0007123"}""" },
        { "is_paper_trading", """{"is_paper_trading":"yes"}""" },
        { "is_paper_trading", """{"is_paper_trading":1}""" },
        { "is_default", """{"is_default":"true"}""" },
        { "is_default", """{"is_default":{}}""" },
        { "name", """{"name":"bad\u0001name"}""" },
        { "description", """{"description":5}""" },
        { "status", """{"status":1}""" },
    };

    [Theory]
    [MemberData(nameof(BadUpdateBodies))]
    public async Task Update_WhenAFieldIsTooLongHasControlCharactersOrTheWrongJsonType_Returns400NamingItAndChangesNothing(string field, string json)
    {
        var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "key"));
        var before = (await client.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK).Text;

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"{Route}/{id}")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        });

        response.EnsureValidationError(field);
        Assert.Equal(before, (await client.GetAsync($"{Route}/{id}")).Text);
    }

    public static TheoryData<string, string, string> BadRotations => new()
    {
        { "new_api_key", new string('k', 257), NewApiSecret() },
        { "new_api_key", "PKAB\u0007CDEF", NewApiSecret() },
        { "new_api_key", "PKAB\tCDEF", NewApiSecret() },
        { "new_api_secret", NewApiKey(), new string('s', 1025) },
        { "new_api_secret", NewApiKey(), "secret\u0000tail" },
        { "new_api_secret", NewApiKey(), "line\r\nbreak" },
    };

    [Theory]
    [MemberData(nameof(BadRotations))]
    public async Task Rotate_WhenACredentialIsTooLongOrHasControlCharacters_Returns400NamingItAndKeepsTheOldCredentials(
        string field, string newApiKey, string newApiSecret)
    {
        var client = await SignedInAsync();
        var created = await CreateAsync(client, "key");
        var id = IdOf(created);
        var sealedBefore = await ReadRowAsync(Fixture.Factory.Services, id);

        var response = await client.PostAsync($"{Route}/{id}/rotate", new { new_api_key = newApiKey, new_api_secret = newApiSecret });

        response.EnsureValidationError(field);
        Assert.DoesNotContain(newApiSecret, response.Text, StringComparison.Ordinal);
        var after = await ReadRowAsync(Fixture.Factory.Services, id);
        Assert.Equal(sealedBefore.EncryptedApiKey, after.EncryptedApiKey);
        Assert.Equal(sealedBefore.EncryptedApiSecret, after.EncryptedApiSecret);
        Assert.Null(after.LastRotatedAt);
    }

    [Fact]
    public async Task Rotate_WhenCredentialsAreExactlyAtTheirMaximumLength_Returns200()
    {
        var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "key"));

        var response = await client.PostAsync($"{Route}/{id}/rotate", new { new_api_key = new string('k', 256), new_api_secret = new string('s', 1024) });

        response.EnsureStatus(HttpStatusCode.OK);
        Assert.NotNull(response.Body!["last_rotated_at"]);
    }

    public static TheoryData<string, string> BadCreateBodies => new()
    {
        { "is_default", $$"""{"broker":"alpaca","name":"x","api_key":"{{NewApiKey()}}","api_secret":"{{NewApiSecret()}}","is_default":"yes"}""" },
        { "is_default", $$"""{"broker":"alpaca","name":"x","api_key":"{{NewApiKey()}}","api_secret":"{{NewApiSecret()}}","is_default":0}""" },
        { "name", $$"""{"broker":"alpaca","name":"bad\u0001name","api_key":"{{NewApiKey()}}","api_secret":"{{NewApiSecret()}}"}""" },
        { "name", $$"""{"broker":"alpaca","name":"tab\tname","api_key":"{{NewApiKey()}}","api_secret":"{{NewApiSecret()}}"}""" },
    };

    [Theory]
    [MemberData(nameof(BadCreateBodies))]
    public async Task Create_WhenIsDefaultHasTheWrongJsonTypeOrNameHasControlCharacters_Returns400NamingItAndStoresNothing(string field, string json)
    {
        var client = await SignedInAsync();

        var response = await client.PostRawAsync(Route, json);

        response.EnsureValidationError(field);
        Assert.Empty((await client.GetAsync(Route)).Array);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=abc", "offset")]
    public async Task ListAuditLogs_WhenLimitOrOffsetIsOutOfRange_Returns400NamingIt(string query, string field)
    {
        var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "key"));

        (await client.GetAsync($"{Route}/{id}/audit-logs?{query}")).EnsureValidationError(field);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=10&offset=-1", "offset")]
    [InlineData("limit=10&offset=abc", "offset")]
    [InlineData("offset=20", "offset")]
    [InlineData("status=deleted&limit=10", "status")]
    public async Task List_WhenLimitOrOffsetIsBadOrOffsetComesWithoutLimit_Returns400NamingIt(string query, string field)
    {
        var client = await SignedInAsync();

        (await client.GetAsync($"{Route}?{query}")).EnsureValidationError(field);
    }

    [Fact]
    public async Task ListAuditLogs_WhenLimitIsTheMaximum_Returns200()
    {
        var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "key"));

        var rows = (await client.GetAsync($"{Route}/{id}/audit-logs?limit=200&offset=0")).EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Single(rows);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ApiKeyBadInputTestsOnSqlite(SqliteApiFixture fixture) : ApiKeyBadInputTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class ApiKeyBadInputTestsOnPostgres(PostgresApiFixture fixture) : ApiKeyBadInputTests(fixture);
