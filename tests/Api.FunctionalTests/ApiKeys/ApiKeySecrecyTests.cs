using System.Net;
using System.Text;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications;
using RiskPlatform.Domain.Auditing;
using static RiskPlatform.Api.FunctionalTests.ApiKeys.ApiKeyTestData;

namespace RiskPlatform.Api.FunctionalTests.ApiKeys;

public abstract class ApiKeySecrecyTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task Create_StoresOnlyCiphertext_AndTwoEncryptionsOfTheSameCredentialsDiffer()
    {
        var client = await SignedInAsync();
        var apiKey = NewApiKey();
        var apiSecret = NewApiSecret();
        var first = IdOf(await CreateAsync(client, "first", apiKey, apiSecret));
        var second = IdOf(await CreateAsync(client, "second", apiKey, apiSecret));

        var a = await ReadRowAsync(Fixture.Factory.Services, first);
        var b = await ReadRowAsync(Fixture.Factory.Services, second);
        foreach (var row in new[] { a, b })
        {
            Assert.Equal(1, row.MasterKeyVersion);
            foreach (var blob in new[] { row.EncryptedApiKey!, row.EncryptedApiSecret! })
            {
                Assert.False(Contains(blob, Encoding.UTF8.GetBytes(apiKey)), "the key is stored in clear");
                Assert.False(Contains(blob, Encoding.UTF8.GetBytes(apiSecret)), "the secret is stored in clear");
                Assert.False(Contains(blob, Encoding.UTF8.GetBytes(apiSecret[..12])), "part of the secret is stored in clear");
            }
        }

        Assert.NotEqual(a.EncryptedApiKey, b.EncryptedApiKey);
        Assert.NotEqual(a.EncryptedApiSecret, b.EncryptedApiSecret);

        // No text column of the table holds them either.
        Assert.Equal(0, await Fixture.CountAsync(
            $"SELECT COUNT(*) FROM api_keys WHERE name LIKE '%{apiKey}%' OR key_hint LIKE '%{apiKey}%' OR secret_hint LIKE '%{apiSecret}%' OR description LIKE '%{apiSecret}%'"));
    }

    [Theory]
    [InlineData("nonce", 21)]
    [InlineData("ciphertext", 33)]
    [InlineData("tag", -1)]
    [InlineData("salt", 5)]
    public async Task Verify_WhenOneBitOfTheStoredCiphertextFlips_AnswersIntegrityFailedAndCountsTheError(string part, int offset)
    {
        var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, $"tampered {part}"));
        var blob = (await ReadRowAsync(Fixture.Factory.Services, id)).EncryptedApiKey!;
        blob[offset >= 0 ? offset : blob.Length + offset] ^= 0x01;
        await WriteCiphertextAsync(Fixture.Factory.Services, id, blob);

        await AssertIntegrityFailureAsync(client, id);
    }

    [Fact]
    public async Task Verify_WhenACiphertextIsMovedToAnotherUsersRow_AnswersIntegrityFailed()
    {
        var victim = await SignedInAsync();
        var attacker = await SignedInAsync();
        var victimKey = IdOf(await CreateAsync(victim, "victim"));
        var attackerKey = IdOf(await CreateAsync(attacker, "attacker"));

        var stolen = (await ReadRowAsync(Fixture.Factory.Services, victimKey)).EncryptedApiKey!;
        await WriteCiphertextAsync(Fixture.Factory.Services, attackerKey, stolen);

        await AssertIntegrityFailureAsync(attacker, attackerKey);
        var untouched = (await victim.PostAsync($"{Route}/{victimKey}/verify")).EnsureStatus(HttpStatusCode.OK);
        Assert.True(untouched.Body!["integrity_ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Credentials_NeverReachAResponseALogLineOrAnAuditRow()
    {
        var client = await SignedInAsync();
        var apiKey = $"PKCANARY{Guid.NewGuid():N}".ToUpperInvariant();
        var apiSecret = $"secret-canary-{Guid.NewGuid():N}";
        var newKey = $"PKROTATED{Guid.NewGuid():N}".ToUpperInvariant();
        var newSecret = $"rotated-canary-{Guid.NewGuid():N}";

        var responses = new List<ApiResponse>
        {
            await client.PostAsync(Route, CreateBody("canary", apiKey, apiSecret)),
        };
        var id = IdOf(responses[0].Body!);
        responses.Add(await client.PostAsync(Route, CreateBody("canary", apiKey, apiSecret))); // refused: duplicate name
        responses.Add(await client.PostAsync(Route, new { broker = "alpaca", name = "bad url", base_url = "http://169.254.169.254/", api_key = apiKey, api_secret = apiSecret }));
        responses.Add(await client.GetAsync(Route));
        responses.Add(await client.GetAsync($"{Route}/{id}"));
        responses.Add(await client.PutAsync($"{Route}/{id}", new { description = "updated" }));
        responses.Add(await client.PostAsync($"{Route}/{id}/rotate", new { new_api_key = newKey, new_api_secret = newSecret }));
        responses.Add(await client.PostAsync($"{Route}/{id}/verify"));
        responses.Add(await client.GetAsync($"{Route}/{id}/audit-logs"));
        responses.Add(await client.PostAsync($"{Route}/{id}/rotate", new { new_api_key = newKey + "\n", new_api_secret = newSecret })); // refused
        responses.Add(await client.DeleteAsync($"{Route}/{id}"));
        responses.Add(await client.PostAsync($"{Route}/{id}/rotate", new { new_api_key = newKey, new_api_secret = newSecret })); // revoked

        Assert.Contains(responses, r => r.Status == HttpStatusCode.Conflict);
        Assert.Contains(responses, r => r.Status == HttpStatusCode.BadRequest);
        Assert.NotEmpty(Fixture.Logs.Lines);
        foreach (var secret in new[] { apiKey, apiSecret, newKey, newSecret })
        {
            Assert.All(responses, r => Assert.DoesNotContain(secret, r.Text, StringComparison.Ordinal));
            Assert.False(Fixture.Logs.Contains(secret), "a credential reached a log line");
            Assert.Equal(0, await Fixture.CountAsync(
                $"SELECT COUNT(*) FROM audit_logs WHERE description LIKE '%{secret}%' OR error_code LIKE '%{secret}%' OR user_agent LIKE '%{secret}%'"));
            Assert.Equal(0, await Fixture.CountAsync(
                $"SELECT COUNT(*) FROM api_keys WHERE last_error LIKE '%{secret}%' OR key_hint LIKE '%{secret}%' OR secret_hint LIKE '%{secret}%'"));
        }

        Assert.True((await AuditRowsAsync(Fixture.Factory.Services, id)).Count >= 6);

        // The two requests rejected by validation (carrying the credentials) left their failed rows, checked above.
        Assert.Equal(1, await Fixture.CountAsync(
            "SELECT COUNT(*) FROM audit_logs WHERE action = 'CreateApiKey' AND outcome = 'failed' AND error_code = 'validation_failed' AND description = 'Rejected fields: base_url'"));
        Assert.Equal(1, await Fixture.CountAsync(
            "SELECT COUNT(*) FROM audit_logs WHERE action = 'RotateApiKey' AND outcome = 'failed' AND error_code = 'validation_failed' AND description = 'Rejected fields: new_api_key'"));
    }

    [Fact]
    public async Task Rewrap_AfterANewMasterKeyBecomesActive_MovesEveryRowAndEveryKeyStillVerifies()
    {
        var client = await SignedInAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(IdOf(await CreateAsync(client, $"key {i}")));
        }

        var revoked = IdOf(await CreateAsync(client, "revoked"));
        (await client.DeleteAsync($"{Route}/{revoked}")).EnsureStatus(HttpStatusCode.NoContent);
        var before = await ReadRowAsync(Fixture.Factory.Services, ids[0]);

        await using var rotatedHost = HostWithMasterKeyV2Active(Fixture, ("Vault:RewrapBatchSize", "2"));
        var (rewrapped, failed, batches, active) = await RewrapCommandLine.RewrapAllAsync(rotatedHost.Services, TestContext.Current.CancellationToken);

        Assert.Equal((5, 0, 2), (rewrapped, failed, active));
        Assert.Equal(3, batches);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM api_keys WHERE master_key_version = 1 AND encrypted_api_key IS NOT NULL"));
        var after = await ReadRowAsync(Fixture.Factory.Services, ids[0]);
        Assert.Equal(2, after.MasterKeyVersion);
        Assert.NotEqual(before.EncryptedApiKey, after.EncryptedApiKey);
        Assert.Equal((before.KeyHint, before.SecretHint, before.LastRotatedAt), (after.KeyHint, after.SecretHint, after.LastRotatedAt));

        using var rotatedClient = new ApiClient(rotatedHost.CreateClient());
        rotatedClient.UseTokens(client.AccessToken!, client.RefreshToken!);
        foreach (var id in ids)
        {
            var verified = (await rotatedClient.PostAsync($"{Route}/{id}/verify")).EnsureStatus(HttpStatusCode.OK);
            Assert.True(verified.Body!["integrity_ok"]!.GetValue<bool>());
        }

        // Running it again finds nothing left to do; each batch was audited.
        Assert.Equal(0, (await RewrapCommandLine.RewrapAllAsync(rotatedHost.Services, TestContext.Current.CancellationToken)).Rewrapped);
        Assert.True(await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'RewrapApiKeys'") >= 4);
    }

    [Fact]
    public async Task Rewrap_WhenARowWasSealedBeforeBaseUrlBinding_OpensItAndResealsItBoundToItsBaseUrlAndMode()
    {
        var client = await SignedInAsync();
        var old = IdOf(await CreateAsync(client, "sealed by an earlier release"));
        var current = IdOf(await CreateAsync(client, "sealed by this release"));
        await ResealInFormat1Async(Fixture.Factory.Services, old);
        var currentBefore = await ReadRowAsync(Fixture.Factory.Services, current);
        Assert.Equal(1, (await ReadRowAsync(Fixture.Factory.Services, old)).EncryptedApiKey![0]);

        // An old row still opens before the rewrap.
        var before = (await client.PostAsync($"{Route}/{old}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.True(before["integrity_ok"]!.GetValue<bool>());

        var (rewrapped, failed, _, active) = await RewrapCommandLine.RewrapAllAsync(Fixture.Factory.Services, TestContext.Current.CancellationToken);

        Assert.Equal((1, 0, 1), (rewrapped, failed, active));
        var resealed = await ReadRowAsync(Fixture.Factory.Services, old);
        Assert.Equal((2, 2, 1), (resealed.EncryptedApiKey![0], resealed.EncryptedApiSecret![0], resealed.MasterKeyVersion));
        Assert.Equal(currentBefore.EncryptedApiKey, (await ReadRowAsync(Fixture.Factory.Services, current)).EncryptedApiKey);
        var after = (await client.PostAsync($"{Route}/{old}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.True(after["integrity_ok"]!.GetValue<bool>());

        // Now bound: the same row pointed at the live host no longer opens.
        await Fixture.ExecuteAsync($"UPDATE api_keys SET is_paper_trading = false WHERE id = {Fixture.Literal(old)}");
        var moved = (await client.PostAsync($"{Route}/{old}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.False(moved["integrity_ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Rewrap_WhenARowNamesAnUnconfiguredMasterKeyVersion_FailsNamingTheVersion()
    {
        var client = await SignedInAsync();
        var id = IdOf(await CreateAsync(client, "sealed under an unknown version"));
        await MarkSealedUnderAsync(Fixture.Factory.Services, id, version: 9);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await RewrapCommandLine.RunAsync(Fixture.Factory.Services, output, error, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("Master key version 9 is not configured", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM api_keys WHERE master_key_version = 9"));
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'RewrapApiKeys' AND outcome = 'failed'"));
    }

    private async Task AssertIntegrityFailureAsync(ApiClient client, Guid id)
    {
        var verified = (await client.PostAsync($"{Route}/{id}/verify")).EnsureStatus(HttpStatusCode.OK);
        Assert.False(verified.Body!["integrity_ok"]!.GetValue<bool>());
        Assert.False(verified.Body["is_valid"]!.GetValue<bool>());

        var key = (await client.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(1, key["error_count"]!.GetValue<int>());
        Assert.Equal("inactive", key["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(key["last_error"]!.GetValue<string>()));

        var audit = (await client.GetAsync($"{Route}/{id}/audit-logs")).EnsureStatus(HttpStatusCode.OK).Array[0]!;
        Assert.Equal("VerifyApiKey", audit["action"]!.GetValue<string>());
        Assert.False(audit["success"]!.GetValue<bool>());
        Assert.Equal("integrity_failed", audit["error_message"]!.GetValue<string>());
        Assert.Contains(await AuditRowsAsync(Fixture.Factory.Services, id), a => a.Outcome == AuditOutcome.Failed && a.ErrorCode == "integrity_failed");

        // A second attempt counts again and still never fails with a 500.
        (await client.PostAsync($"{Route}/{id}/verify")).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(2, (await client.GetAsync($"{Route}/{id}")).Body!["error_count"]!.GetValue<int>());
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ApiKeySecrecyTestsOnSqlite(SqliteApiFixture fixture) : ApiKeySecrecyTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class ApiKeySecrecyTestsOnPostgres(PostgresApiFixture fixture) : ApiKeySecrecyTests(fixture);
