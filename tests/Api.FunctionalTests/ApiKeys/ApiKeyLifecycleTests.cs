using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using static RiskPlatform.Api.FunctionalTests.ApiKeys.ApiKeyTestData;

namespace RiskPlatform.Api.FunctionalTests.ApiKeys;

public abstract class ApiKeyLifecycleTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task Lifecycle_OverHttp_CreateListGetUpdateRotateVerifyRevokeAndAuditLogs()
    {
        var client = await SignedInAsync();
        var apiKey = NewApiKey();
        var apiSecret = NewApiSecret();

        var created = await client.PostAsync(Route, CreateBody("Alpaca paper", apiKey, apiSecret, isDefault: true));
        created.EnsureStatus(HttpStatusCode.Created);
        var id = IdOf(created.Body!);
        Assert.Equal($"/api/v1/api-keys/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(client.UserId, created.Body!["user_id"]!.GetValue<Guid>());
        Assert.Equal("alpaca", created.Body["broker"]!.GetValue<string>());
        Assert.Equal("active", created.Body["status"]!.GetValue<string>());
        Assert.True(created.Body["is_default"]!.GetValue<bool>());
        Assert.Equal($"{apiKey[..4]}...{apiKey[^4..]}", created.Body["key_hint"]!.GetValue<string>());
        Assert.Equal($"...{apiSecret[^4..]}", created.Body["secret_hint"]!.GetValue<string>());
        Assert.Null(created.Body["api_key"]);
        Assert.Null(created.Body["api_secret"]);

        var second = await CreateAsync(client, "Alpaca second");
        var list = (await client.GetAsync(Route)).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(2, list.Array.Count);
        Assert.Single((await client.GetAsync($"{Route}?broker=alpaca&status=active")).EnsureStatus(HttpStatusCode.OK).Array, k => IdOf(k!) == id);
        Assert.Empty((await client.GetAsync($"{Route}?broker=binance")).EnsureStatus(HttpStatusCode.OK).Array);

        var fetched = (await client.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal("Alpaca paper", fetched.Body!["name"]!.GetValue<string>());

        // Making the second key the default unsets the first, in the same command.
        var switched = (await client.PutAsync($"{Route}/{IdOf(second)}", new { is_default = true, name = "Alpaca main", account_id = "PA123" }))
            .EnsureStatus(HttpStatusCode.OK);
        Assert.True(switched.Body!["is_default"]!.GetValue<bool>());
        Assert.Equal("Alpaca main", switched.Body["name"]!.GetValue<string>());
        Assert.Equal("PA123", switched.Body["account_id"]!.GetValue<string>());
        Assert.False((await client.GetAsync($"{Route}/{id}")).Body!["is_default"]!.GetValue<bool>());

        var deactivated = (await client.PutAsync($"{Route}/{id}", new { status = "inactive", base_url = "https://paper-api.alpaca.markets/" }))
            .EnsureStatus(HttpStatusCode.OK);
        Assert.Equal("inactive", deactivated.Body!["status"]!.GetValue<string>());
        Assert.Equal("https://paper-api.alpaca.markets", deactivated.Body["base_url"]!.GetValue<string>());
        (await client.PutAsync($"{Route}/{id}", new { status = "active" })).EnsureStatus(HttpStatusCode.OK);

        var newKey = NewApiKey();
        var rotated = (await client.PostAsync($"{Route}/{id}/rotate", new { new_api_key = newKey, new_api_secret = NewApiSecret() }))
            .EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(id, IdOf(rotated.Body!));
        Assert.Equal($"{newKey[..4]}...{newKey[^4..]}", rotated.Body!["key_hint"]!.GetValue<string>());
        Assert.True(rotated.Body["last_rotated_at"]!.GetValue<DateTime>() > DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal(0, rotated.Body["error_count"]!.GetValue<int>());

        var verified = (await client.PostAsync($"{Route}/{id}/verify")).EnsureStatus(HttpStatusCode.OK);
        // The harness points Alpaca at a closed local port: the check runs and finds the broker unreachable.
        Assert.False(verified.Body!["is_valid"]!.GetValue<bool>());
        Assert.True(verified.Body["integrity_ok"]!.GetValue<bool>());
        Assert.Equal("unreachable", verified.Body["broker_check"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(verified.Body["message"]!.GetValue<string>()));
        Assert.NotNull((await client.GetAsync($"{Route}/{id}")).Body!["last_verified_at"]);

        (await client.DeleteAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.NoContent);
        var revoked = (await client.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal("revoked", revoked.Body!["status"]!.GetValue<string>());
        Assert.NotNull(revoked.Body["revoked_at"]);
        Assert.Single((await client.GetAsync($"{Route}?status=revoked")).Array);
        var row = await ReadRowAsync(Fixture.Factory.Services, id);
        Assert.Null(row.EncryptedApiKey);
        Assert.Null(row.EncryptedApiSecret);

        var audit = (await client.GetAsync($"{Route}/{id}/audit-logs")).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal(
            ["RevokeApiKey", "VerifyApiKey", "RotateApiKey", "UpdateApiKey", "UpdateApiKey", "CreateApiKey"],
            audit.Select(a => a!["action"]!.GetValue<string>()).ToArray());
        Assert.All(audit, a =>
        {
            Assert.Equal(id, a!["api_key_id"]!.GetValue<Guid>());
            Assert.Equal(client.UserId, a["user_id"]!.GetValue<Guid>());
            var isVerify = a["action"]!.GetValue<string>() == "VerifyApiKey";
            Assert.Equal(!isVerify, a["success"]!.GetValue<bool>()); // the verification found the broker unreachable
            Assert.False(string.IsNullOrEmpty(a["description"]?.GetValue<string>()));
            Assert.NotNull(a["created_at"]);
            Assert.True(a.AsObject().ContainsKey("ip_address"));
            Assert.True(a.AsObject().ContainsKey("user_agent"));
            Assert.True(a.AsObject().ContainsKey("error_message"));
        });
        Assert.Equal(2, (await client.GetAsync($"{Route}/{id}/audit-logs?limit=2&offset=0")).Array.Count);
        Assert.Equal("VerifyApiKey", (await client.GetAsync($"{Route}/{id}/audit-logs?limit=1&offset=1")).Array[0]!["action"]!.GetValue<string>());
        Assert.Equal("broker_unreachable", audit[1]!["error_message"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApi_DescribesEveryApiKeyOperation()
    {
        var document = (await Anonymous().GetAsync("/openapi/v1.json")).EnsureStatus(HttpStatusCode.OK).Body!["paths"]!.AsObject();

        Assert.Contains(Route, document.Select(p => p.Key));
        foreach (var suffix in new[] { "{id}", "{id}/rotate", "{id}/verify", "{id}/audit-logs" })
        {
            Assert.Contains($"{Route}/{suffix}", document.Select(p => p.Key));
        }
    }

    [Fact]
    public async Task RevokedKey_RotateVerifyOrReactivate_Returns409()
    {
        var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "to revoke"));
        (await client.DeleteAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.NoContent);

        (await client.PostAsync($"{Route}/{id}/rotate", new { new_api_key = NewApiKey(), new_api_secret = NewApiSecret() })).EnsureProblem(HttpStatusCode.Conflict);
        (await client.PostAsync($"{Route}/{id}/verify")).EnsureProblem(HttpStatusCode.Conflict);
        (await client.PutAsync($"{Route}/{id}", new { status = "active" })).EnsureProblem(HttpStatusCode.Conflict);
        (await client.DeleteAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task KeyPastExpiry_ReadsExpiredEverywhere_AndCannotBeRotatedOrVerified()
    {
        var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "expiring"));
        await SetExpiryAsync(Fixture.Factory.Services, id, DateTime.UtcNow.AddMinutes(-1));

        Assert.Equal("expired", (await client.GetAsync($"{Route}/{id}")).Body!["status"]!.GetValue<string>());
        Assert.Single((await client.GetAsync($"{Route}?status=expired")).Array);
        Assert.Empty((await client.GetAsync($"{Route}?status=active")).Array);
        (await client.PostAsync($"{Route}/{id}/rotate", new { new_api_key = NewApiKey(), new_api_secret = NewApiSecret() })).EnsureProblem(HttpStatusCode.Conflict);
        (await client.PostAsync($"{Route}/{id}/verify")).EnsureProblem(HttpStatusCode.Conflict);
        (await client.PutAsync($"{Route}/{id}", new { status = "active" })).EnsureProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnotherUsersKey_Returns404_AndAuditsTheAttemptAsDenied()
    {
        var owner = await SignedInAsync();
        var id = IdOf(await CreateAsync(owner, "mine"));
        var intruder = await SignedInAsync();

        (await intruder.GetAsync($"{Route}/{id}")).EnsureProblem(HttpStatusCode.NotFound);
        (await intruder.PutAsync($"{Route}/{id}", new { name = "theirs" })).EnsureProblem(HttpStatusCode.NotFound);
        (await intruder.PostAsync($"{Route}/{id}/verify")).EnsureProblem(HttpStatusCode.NotFound);
        (await intruder.PostAsync($"{Route}/{id}/rotate", new { new_api_key = NewApiKey(), new_api_secret = NewApiSecret() })).EnsureProblem(HttpStatusCode.NotFound);
        (await intruder.DeleteAsync($"{Route}/{id}")).EnsureProblem(HttpStatusCode.NotFound);
        (await intruder.GetAsync($"{Route}/{id}/audit-logs")).EnsureProblem(HttpStatusCode.NotFound);
        Assert.Empty((await intruder.GetAsync(Route)).Array);

        var denied = (await AuditRowsAsync(Fixture.Factory.Services, id))
            .Where(a => a.UserId == intruder.UserId && a.Outcome == Domain.Auditing.AuditOutcome.Denied)
            .Select(a => a.Action)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(["GetApiKey", "ListApiKeyAuditLogs", "RevokeApiKey", "RotateApiKey", "UpdateApiKey", "VerifyApiKey"], denied);

        var key = (await owner.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal("mine", key.Body!["name"]!.GetValue<string>());
        Assert.Equal("active", key.Body["status"]!.GetValue<string>());
        // The owner's trail holds only the owner's rows.
        Assert.Single((await owner.GetAsync($"{Route}/{id}/audit-logs")).Array);
    }

    [Fact]
    public async Task Create_BeyondTheLimit_Returns409()
    {
        var client = await SignedInAsync();
        for (var i = 1; i <= 25; i++)
        {
            await CreateAsync(client, $"key {i}");
        }

        (await client.PostAsync(Route, CreateBody("key 26"))).EnsureProblem(HttpStatusCode.Conflict);

        // Revoked keys do not count.
        var first = IdOf((await client.GetAsync(Route)).Array[0]!);
        (await client.DeleteAsync($"{Route}/{first}")).EnsureStatus(HttpStatusCode.NoContent);
        (await client.PostAsync(Route, CreateBody("key 26"))).EnsureStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task DuplicateName_AmongLiveKeys_Returns409_ButARevokedKeysNameIsFree()
    {
        var client = await SignedInAsync();
        var first = IdOf(await CreateAsync(client, "Main"));
        var other = IdOf(await CreateAsync(client, "Other"));

        (await client.PostAsync(Route, CreateBody("Main", broker: "binance"))).EnsureProblem(HttpStatusCode.Conflict);
        (await client.PutAsync($"{Route}/{other}", new { name = "Main" })).EnsureProblem(HttpStatusCode.Conflict);

        (await client.DeleteAsync($"{Route}/{first}")).EnsureStatus(HttpStatusCode.NoContent);
        (await client.PostAsync(Route, CreateBody("Main"))).EnsureStatus(HttpStatusCode.Created);

        // Another user may use the same name.
        var someoneElse = await SignedInAsync();
        (await someoneElse.PostAsync(Route, CreateBody("Main"))).EnsureStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task OneDefaultPerUserAndBroker_CreatingANewDefaultUnsetsTheOld()
    {
        var client = await SignedInAsync();
        var first = IdOf(await CreateAsync(client, "first", isDefault: true));
        var binance = IdOf(await CreateAsync(client, "binance", broker: "binance", isDefault: true));
        var second = IdOf(await CreateAsync(client, "second", isDefault: true));

        Assert.False((await client.GetAsync($"{Route}/{first}")).Body!["is_default"]!.GetValue<bool>());
        Assert.True((await client.GetAsync($"{Route}/{second}")).Body!["is_default"]!.GetValue<bool>());
        Assert.True((await client.GetAsync($"{Route}/{binance}")).Body!["is_default"]!.GetValue<bool>());
    }

    public static TheoryData<string, object> BadCreateBodies => new()
    {
        { "broker", new { broker = "etrade", name = "x", api_key = NewApiKey(), api_secret = NewApiSecret() } },
        { "name", new { broker = "alpaca", name = "", api_key = NewApiKey(), api_secret = NewApiSecret() } },
        { "name", new { broker = "alpaca", name = new string('n', 256), api_key = NewApiKey(), api_secret = NewApiSecret() } },
        { "description", new { broker = "alpaca", name = "x", description = new string('d', 1001), api_key = NewApiKey(), api_secret = NewApiSecret() } },
        { "account_id", new { broker = "alpaca", name = "x", account_id = new string('a', 101), api_key = NewApiKey(), api_secret = NewApiSecret() } },
        { "base_url", new { broker = "alpaca", name = "x", base_url = "http://169.254.169.254/", api_key = NewApiKey(), api_secret = NewApiSecret() } },
        { "base_url", new { broker = "alpaca", name = "x", base_url = "https://api.binance.com", api_key = NewApiKey(), api_secret = NewApiSecret() } },
        { "base_url", new { broker = "alpaca", name = "x", base_url = "https://api.alpaca.markets", is_paper_trading = true, api_key = NewApiKey(), api_secret = NewApiSecret() } },
        { "base_url", new { broker = "binance", name = "x", base_url = "https://testnet.binance.vision", is_paper_trading = false, api_key = NewApiKey(), api_secret = NewApiSecret() } },
        { "api_key", new { broker = "alpaca", name = "x", api_secret = NewApiSecret() } },
        { "api_key", new { broker = "alpaca", name = "x", api_key = new string('k', 257), api_secret = NewApiSecret() } },
        { "api_key", new { broker = "alpaca", name = "x", api_key = "PKAB\u0000CDEF", api_secret = NewApiSecret() } },
        { "api_secret", new { broker = "alpaca", name = "x", api_key = NewApiKey(), api_secret = new string('s', 1025) } },
        { "api_secret", new { broker = "alpaca", name = "x", api_key = NewApiKey(), api_secret = "line\nbreak-secret" } },
        { "api_secret", new { broker = "alpaca", name = "x", api_key = NewApiKey(), api_secret = "   " } },
        { "is_paper_trading", new { broker = "alpaca", name = "x", is_paper_trading = "yes", api_key = NewApiKey(), api_secret = NewApiSecret() } },
        { "expires_at", new { broker = "alpaca", name = "x", api_key = NewApiKey(), api_secret = NewApiSecret(), expires_at = "2020-01-01T00:00:00Z" } },
    };

    [Theory]
    [MemberData(nameof(BadCreateBodies))]
    public async Task Create_WithBadField_Returns400NamingIt(string field, object body)
    {
        var client = await SignedInAsync();
        (await client.PostAsync(Route, body)).EnsureValidationError(field);
        Assert.Empty((await client.GetAsync(Route)).Array);
    }

    [Theory]
    [InlineData("status", "revoked")]
    [InlineData("status", "expired")]
    [InlineData("status", "paused")]
    [InlineData("base_url", "http://169.254.169.254/")]
    [InlineData("base_url", "https://evil.example.com")]
    [InlineData("name", "")]
    public async Task Update_WithBadField_Returns400NamingIt(string field, string value)
    {
        var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "key"));
        (await client.PutAsync($"{Route}/{id}", new Dictionary<string, string> { [field] = value })).EnsureValidationError(field);
    }

    [Fact]
    public async Task Update_WhenTheModeAndTheBaseUrlWouldDisagree_Returns400NamingTheChangedFieldAndChangesNothing()
    {
        var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "key"));
        (await client.PutAsync($"{Route}/{id}", new { base_url = "https://paper-api.alpaca.markets" })).EnsureStatus(HttpStatusCode.OK);

        (await client.PutAsync($"{Route}/{id}", new { is_paper_trading = false })).EnsureValidationError("is_paper_trading");
        (await client.PutAsync($"{Route}/{id}", new { base_url = "https://api.alpaca.markets" })).EnsureValidationError("base_url");

        var key = (await client.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(("https://paper-api.alpaca.markets", true), (key["base_url"]!.GetValue<string>(), key["is_paper_trading"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData("new_api_key")]
    [InlineData("new_api_secret")]
    public async Task Rotate_WithMissingCredential_Returns400NamingIt(string missing)
    {
        var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "key"));
        var body = new Dictionary<string, string> { ["new_api_key"] = NewApiKey(), ["new_api_secret"] = NewApiSecret() };
        body.Remove(missing);
        (await client.PostAsync($"{Route}/{id}/rotate", body)).EnsureValidationError(missing);
    }

    [Theory]
    [InlineData("broker", "etrade")]
    [InlineData("broker", "Alpaca")]
    [InlineData("status", "deleted")]
    public async Task List_WithUnknownFilter_Returns400NamingIt(string field, string value)
    {
        var client = await SignedInAsync();
        (await client.GetAsync($"{Route}?{field}={value}")).EnsureValidationError(field);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ApiKeyLifecycleTestsOnSqlite(SqliteApiFixture fixture) : ApiKeyLifecycleTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class ApiKeyLifecycleTestsOnPostgres(PostgresApiFixture fixture) : ApiKeyLifecycleTests(fixture);
