using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Infrastructure.Identity;

namespace RiskPlatform.Api.FunctionalTests.Auth;

/// <summary>
/// Access tokens minted here with the test host's signing key: each one is well signed (except the unsigned one), so a 401 can
/// only come from the defect under test (lifetime, issuer, audience, signature, algorithm, type or key id). A control token with
/// every claim right must be accepted.
/// </summary>
public abstract class JwtValidationTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Issuer = "riskplatform";
    private const string Audience = "riskplatform-clients";

    [Fact]
    public async Task Me_WithAWellFormedTokenMintedByTheTest_Returns200()
    {
        var user = await SignedInAsync();
        var client = Anonymous();
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", Mint(user.UserId, Issuer, Audience, DateTime.UtcNow.AddMinutes(10)));

        var response = await client.GetAsync("/api/v1/auth/me");

        response.EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(user.UserId.ToString(), response.Body!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("wrong_issuer")]
    [InlineData("wrong_audience")]
    [InlineData("not_yet_valid")]
    [InlineData("unsigned")]
    [InlineData("typ_at+jwt")]
    [InlineData("typ_none")]
    [InlineData("unknown_kid")]
    public async Task Me_WhenTheTokenIsExpiredNotYetValidUnsignedOrForAnotherIssuerOrAudience_Returns401(string defect)
    {
        var user = await SignedInAsync();
        var token = defect switch
        {
            // Well beyond the 30 s clock skew the service allows.
            "expired" => Mint(user.UserId, Issuer, Audience, DateTime.UtcNow.AddMinutes(-5)),
            "wrong_issuer" => Mint(user.UserId, "someone-else", Audience, DateTime.UtcNow.AddMinutes(10)),
            "wrong_audience" => Mint(user.UserId, Issuer, "another-service", DateTime.UtcNow.AddMinutes(10)),
            "not_yet_valid" => Mint(user.UserId, Issuer, Audience, DateTime.UtcNow.AddMinutes(20), notBefore: DateTime.UtcNow.AddMinutes(5)),
            "unsigned" => Mint(user.UserId, Issuer, Audience, DateTime.UtcNow.AddMinutes(10), signed: false),

            // Signed with the right key, but not as the service signs: another token type, none, a key id it does not have.
            "typ_at+jwt" => TestTokens.Mint(user.UserId, Issuer, Audience, DateTime.UtcNow.AddMinutes(10), tokenType: "at+jwt"),
            "typ_none" => Resigned(Mint(user.UserId, Issuer, Audience, DateTime.UtcNow.AddMinutes(10)), h => h.Remove("typ"), HMACSHA256.HashData, TestSecrets.JwtSigningKey),
            "unknown_kid" => TestTokens.Mint(user.UserId, Issuer, Audience, DateTime.UtcNow.AddMinutes(10), keyId: "retired-long-ago"),
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };
        var client = Anonymous();
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var response = await client.GetAsync("/api/v1/auth/me");

        response.EnsureStatus(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("HS256", HttpStatusCode.OK)]
    [InlineData("HS384", HttpStatusCode.Unauthorized)]
    [InlineData("HS512", HttpStatusCode.Unauthorized)]
    public async Task Me_WhenSignedWithTheServicesKeyUnderAnotherHmacAlgorithm_Returns401(string algorithm, HttpStatusCode expected)
    {
        // A key long enough for HS512, so only the algorithm pinning can refuse those tokens.
        var longKey = Convert.ToBase64String(SHA512.HashData("jwt-algorithm-pinning-test-key"u8));
        await using var host = Host(new() { ["Jwt:SigningKey"] = longKey });
        using var client = new ApiClient(host.CreateClient());
        await client.SignInAsNewUserAsync($"alg-{Guid.NewGuid():N}@example.com", "Correct-Horse-42");
        Func<byte[], byte[], byte[]> mac = algorithm switch
        {
            "HS256" => HMACSHA256.HashData,
            "HS384" => HMACSHA384.HashData,
            _ => HMACSHA512.HashData,
        };
        var forged = Resigned(client.AccessToken!, h => h["alg"] = algorithm, mac, longKey);

        using var bearer = new ApiClient(host.CreateClient());
        bearer.UseTokens(forged, "unused");
        (await bearer.GetAsync("/api/v1/auth/me")).EnsureStatus(expected);
    }

    [Fact]
    public async Task SigningKeys_RotatedThroughTheRing_KeepEveryoneSignedInUntilTheOldKeyIsRemoved()
    {
        var user = await SignedInAsync();
        Assert.Equal(JwtSigningKeys.DefaultKeyId, new JsonWebToken(user.AccessToken).Kid);

        // Step 1: a new key joins the ring and signs; the old one (Jwt:SigningKey, kid "default") still verifies.
        await using var rotated = Host(new() { ["Jwt:SigningKeys:2026-06"] = NextKey, ["Jwt:ActiveKeyId"] = "2026-06" });
        using var onRotated = new ApiClient(rotated.CreateClient());
        onRotated.UseTokens(user.AccessToken!, user.RefreshToken!);
        (await onRotated.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.OK);
        var refreshed = (await onRotated.PostAsync("/api/v1/auth/refresh", new { refresh_token = user.RefreshToken })).EnsureStatus(HttpStatusCode.OK);
        var newToken = refreshed.Body!["access_token"]!.GetValue<string>();
        Assert.Equal("2026-06", new JsonWebToken(newToken).Kid);
        Assert.Equal("HS256", new JsonWebToken(newToken).Alg);
        onRotated.UseTokens(newToken, refreshed.Body["refresh_token"]!.GetValue<string>());
        (await onRotated.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.OK);

        // A node that does not have the new key yet refuses its tokens rather than trying other keys.
        using var onOld = Anonymous();
        onOld.UseTokens(newToken, "unused");
        (await onOld.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.Unauthorized);

        // Step 2: once the old key's tokens have expired it is removed; its tokens no longer verify, the new ones still do.
        await using var retired = Host(new() { ["Jwt:SigningKey"] = "", ["Jwt:SigningKeys:2026-06"] = NextKey });
        using var onRetired = new ApiClient(retired.CreateClient());
        onRetired.UseTokens(user.AccessToken!, user.RefreshToken!);
        (await onRetired.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.Unauthorized);
        onRetired.UseTokens(newToken, "unused");
        (await onRetired.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.OK);
    }

    private const string NextKey = "bmV4dC10ZXN0LW9ubHktand0LXNpZ25pbmcta2V5LTMyLWJ5dGVzIQ==";

    private RiskPlatformApiFactory Host(Dictionary<string, string?> settings) =>
        new(Fixture.Provider, Fixture.ConnectionString, Fixture.Logs, settings: settings);

    /// <summary>
    /// The same token with its header edited and signed again, by hand, with <paramref name="key"/>.
    /// </summary>
    private static string Resigned(string token, Action<JsonObject> editHeader, Func<byte[], byte[], byte[]> mac, string key)
    {
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        editHeader(header);
        var signingInput = $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{parts[1]}";
        var signature = mac(Convert.FromBase64String(key), Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static string Mint(Guid userId, string issuer, string audience, DateTime expires, DateTime? notBefore = null, bool signed = true) =>
        TestTokens.Mint(userId, issuer, audience, expires, notBefore, signed);
}

[Collection(nameof(SqliteCollection))]
public sealed class JwtValidationTestsOnSqlite(SqliteApiFixture fixture) : JwtValidationTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class JwtValidationTestsOnPostgres(PostgresApiFixture fixture) : JwtValidationTests(fixture);
