using System.Diagnostics;
using System.Net;
using RiskPlatform.Api.FunctionalTests.Brokers.FakeAlpaca;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications;
using static RiskPlatform.Api.FunctionalTests.ApiKeys.ApiKeyTestData;
using static RiskPlatform.Api.FunctionalTests.Brokers.AlpacaTrading;

namespace RiskPlatform.Api.FunctionalTests.Brokers;

/// <summary>POST /api/v1/api-keys/{id}/verify for Alpaca keys, against a fake Alpaca on 127.0.0.1.</summary>
public abstract class AlpacaVerificationTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task Verify_WhenAlpacaAcceptsTheKey_ReturnsOkAndSendsTheKeyHeaders()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var apiKey = $"PKACCEPT{Guid.NewGuid():N}".ToUpperInvariant();
        var apiSecret = $"alpaca-secret-canary-{Guid.NewGuid():N}";
        var id = IdOf(await CreateAsync(client, "alpaca paper", apiKey, apiSecret));

        var verified = (await client.PostAsync($"{Route}/{id}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.True(verified["is_valid"]!.GetValue<bool>());
        Assert.Equal("ok", verified["broker_check"]!.GetValue<string>());
        var request = Assert.Single(host.Alpaca.Received);
        Assert.Equal(("GET", "/v2/account", apiKey, apiSecret), (request.Method, request.PathAndQuery, request.KeyId, request.Secret));
        var key = (await client.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("active", key["status"]!.GetValue<string>());
        Assert.Null(key["last_error"]);
        Assert.False(Fixture.Logs.Contains(apiSecret));
        Assert.False(Fixture.Logs.Contains(apiKey));
    }

    [Theory]
    [InlineData(FakeAlpacaServer.Reject401, 401)]
    [InlineData(FakeAlpacaServer.Forbid403, 403)]
    public async Task Verify_WhenAlpacaRefusesTheKey_ReturnsRejectedAndRecordsTheReason(string keyPrefix, int status)
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var apiSecret = $"alpaca-secret-canary-{Guid.NewGuid():N}";
        var id = IdOf(await CreateAsync(client, "refused", $"{keyPrefix}{Guid.NewGuid():N}", apiSecret));

        var verified = (await client.PostAsync($"{Route}/{id}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.False(verified["is_valid"]!.GetValue<bool>());
        Assert.Equal("rejected", verified["broker_check"]!.GetValue<string>());
        var key = (await client.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("active", key["status"]!.GetValue<string>());
        Assert.Equal(1, key["error_count"]!.GetValue<int>());
        Assert.Contains($"HTTP {status}", key["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(Fixture.Logs.Contains(apiSecret));
    }

    [Fact]
    public async Task Verify_AfterFiveRejections_DeactivatesTheKeyWithTheReason()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var id = IdOf(await CreateAsync(client, "rejected five times", $"{FakeAlpacaServer.Reject401}{Guid.NewGuid():N}"));

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var status = (await client.GetAsync($"{Route}/{id}")).Body!["status"]!.GetValue<string>();
            Assert.Equal("active", status);
            var verified = (await client.PostAsync($"{Route}/{id}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;
            Assert.Equal("rejected", verified["broker_check"]!.GetValue<string>());
        }

        var key = (await client.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("inactive", key["status"]!.GetValue<string>());
        Assert.Equal(5, key["error_count"]!.GetValue<int>());
        var lastError = key["last_error"]!.GetValue<string>();
        Assert.Contains("5 consecutive broker rejections", lastError, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", lastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeAlpacaServer.Boom500, "HTTP 500")]
    [InlineData(FakeAlpacaServer.Slow, "did not answer in time")]
    [InlineData(FakeAlpacaServer.Huge, "exceeded 1048576 bytes")]
    [InlineData(FakeAlpacaServer.HugeChunked, "exceeded 1048576 bytes")]
    [InlineData(FakeAlpacaServer.Redirect, "HTTP 302")]
    public async Task Verify_WhenAlpacaFailsOrIsTooSlow_ReturnsUnreachableAndKeepsTheKeyActive(string keyPrefix, string reason)
    {
        // Only the slow answer needs the short timeout; a large body must be refused for its size, not by the clock on a loaded machine.
        await using var host = await AlpacaHost.StartAsync(
            Fixture, new Dictionary<string, string?> { ["Brokers:Alpaca:TimeoutSeconds"] = keyPrefix == FakeAlpacaServer.Slow ? "1" : "30" });
        using var client = await host.SignedInAsync();
        var id = IdOf(await CreateAsync(client, "unreachable", $"{keyPrefix}{Guid.NewGuid():N}"));

        var verified = (await client.PostAsync($"{Route}/{id}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;

        Assert.False(verified["is_valid"]!.GetValue<bool>());
        Assert.Equal("unreachable", verified["broker_check"]!.GetValue<string>());
        var key = (await client.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("active", key["status"]!.GetValue<string>());
        Assert.Contains(reason, key["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(host.Alpaca.Received); // never retried, never redirected
    }

    [Fact]
    public async Task Credentials_WhenTheirRowIsMadeToPointAtTheLiveHostInTheDatabase_FailIntegrityAndNeverReachIt()
    {
        await using var live = await FakeAlpacaServer.StartAsync();
        await using var host = await AlpacaHost.StartAsync(Fixture, new Dictionary<string, string?> { ["Brokers:Alpaca:LiveUrl"] = live.BaseUrl.AbsoluteUri });
        using var client = await host.SignedInAsync();
        var key = await AlpacaTrading.BindNewKeyAsync(client);
        (await client.GetAsync("/api/v1/risk-rules/portfolio-risk")).EnsureStatus(HttpStatusCode.OK);
        var paperCalls = host.Alpaca.Received.Count;
        Assert.True(paperCalls > 0);

        // Someone with write access to the table turns the paper key into a live one, on an allowed host.
        await Fixture.ExecuteAsync(
            $"UPDATE api_keys SET is_paper_trading = false, base_url = 'https://api.alpaca.markets' WHERE id = {Fixture.Literal(key.Id)}");

        var read = await client.GetAsync("/api/v1/risk-rules/portfolio-risk");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.Status);
        Assert.Equal("broker_unavailable", read.Body!["code"]!.GetValue<string>());
        // The refused read is recorded on the binding in the background; verify after it, not racing it for the row (409).
        await AlpacaTrading.AccountWhenAsync(client, "broker_unavailable");
        var verified = (await client.PostAsync($"{Route}/{key.Id}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.False(verified["integrity_ok"]!.GetValue<bool>());
        Assert.False(verified["is_valid"]!.GetValue<bool>());

        Assert.Empty(live.Received);
        Assert.Equal(paperCalls, host.Alpaca.Received.Count);
        var stored = await KeyWhenAsync(client, key.Id, k => k["status"]!.GetValue<string>() == "inactive", "the key is deactivated");
        Assert.Contains("integrity", stored["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(Fixture.Logs.Contains(key.ApiSecret));
    }

    [Fact]
    public async Task Update_ToLiveMode_ResealsTheCredentialsForTheLiveHost()
    {
        await using var live = await FakeAlpacaServer.StartAsync();
        await using var host = await AlpacaHost.StartAsync(Fixture, new Dictionary<string, string?> { ["Brokers:Alpaca:LiveUrl"] = live.BaseUrl.AbsoluteUri });
        using var client = await host.SignedInAsync();
        var apiKey = $"PKMOVED{Guid.NewGuid():N}".ToUpperInvariant();
        var apiSecret = $"alpaca-secret-canary-{Guid.NewGuid():N}";
        var id = IdOf(await CreateAsync(client, "paper, then live", apiKey, apiSecret));
        var sealedForPaper = (await ReadRowAsync(host.Factory.Services, id)).EncryptedApiKey!;

        var updated = (await client.PutAsync($"{Route}/{id}", new { is_paper_trading = false })).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.False(updated["is_paper_trading"]!.GetValue<bool>());
        Assert.NotEqual(sealedForPaper, (await ReadRowAsync(host.Factory.Services, id)).EncryptedApiKey);

        var verified = (await client.PostAsync($"{Route}/{id}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.True(verified["integrity_ok"]!.GetValue<bool>());
        Assert.True(verified["is_valid"]!.GetValue<bool>());
        var request = Assert.Single(live.Received);
        Assert.Equal((apiKey, apiSecret), (request.KeyId, request.Secret));
        Assert.Empty(host.Alpaca.Received);

        // Back to paper with the address spelled out: sealed for the paper host again, and it still opens.
        (await client.PutAsync($"{Route}/{id}", new { is_paper_trading = true, base_url = "https://PAPER-API.alpaca.markets/" })).EnsureStatus(HttpStatusCode.OK);
        (await client.PostAsync($"{Route}/{id}/verify")).EnsureStatus(HttpStatusCode.OK);
        Assert.Single(host.Alpaca.Received);
        Assert.Single(live.Received);
    }

    [Fact]
    public async Task Update_WhenTheStoredCredentialsFailTheirIntegrityCheck_RefusesToMoveThemWith409()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var id = IdOf(await CreateAsync(client, "tampered, then moved"));
        var blob = (await ReadRowAsync(host.Factory.Services, id)).EncryptedApiKey!;
        blob[^1] ^= 0x01;
        await WriteCiphertextAsync(host.Factory.Services, id, blob);

        var refused = await client.PutAsync($"{Route}/{id}", new { is_paper_trading = false });

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("api_key.integrity_failed", refused.Body!["code"]!.GetValue<string>());
        Assert.True((await client.GetAsync($"{Route}/{id}")).Body!["is_paper_trading"]!.GetValue<bool>());
        (await client.PutAsync($"{Route}/{id}", new { description = "other fields still change" })).EnsureStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Verify_WhenA200StallsMidBody_AnswersUnreachableWithinTheTimeout()
    {
        await using var host = await AlpacaHost.StartAsync(Fixture);
        using var client = await host.SignedInAsync();
        var id = IdOf(await CreateAsync(client, "stalls", $"{FakeAlpacaServer.StallMidBody}{Guid.NewGuid():N}"));

        var elapsed = Stopwatch.StartNew();
        var verified = (await client.PostAsync($"{Route}/{id}/verify")).EnsureStatus(HttpStatusCode.OK).Body!;
        elapsed.Stop();

        Assert.Equal("unreachable", verified["broker_check"]!.GetValue<string>());
        Assert.True(
            elapsed.Elapsed < FakeAlpacaServer.StallDelay / 2,
            $"verify took {elapsed.Elapsed.TotalSeconds:0.0} s against a {AlpacaHost.TimeoutSeconds} s timeout (the stall lasts {FakeAlpacaServer.StallDelay.TotalSeconds} s)");
        var key = (await client.GetAsync($"{Route}/{id}")).EnsureStatus(HttpStatusCode.OK).Body!;
        Assert.Contains("did not answer in time", key["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

[Collection(nameof(SqliteBrokerCollection))]
public sealed class AlpacaVerificationTestsOnSqlite(SqliteApiFixture fixture) : AlpacaVerificationTests(fixture);

[Collection(nameof(PostgresBrokerCollection))]
public sealed class AlpacaVerificationTestsOnPostgres(PostgresApiFixture fixture) : AlpacaVerificationTests(fixture);
