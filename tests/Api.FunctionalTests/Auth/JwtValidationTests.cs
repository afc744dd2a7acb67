using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Auth;

/// <summary>
/// Access tokens minted here with the test host's signing key: each one is well signed (except the unsigned one), so a 401 can
/// only come from the defect under test (lifetime, issuer, audience or signature). A control token with every claim right must be accepted.
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
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };
        var client = Anonymous();
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var response = await client.GetAsync("/api/v1/auth/me");

        response.EnsureStatus(HttpStatusCode.Unauthorized);
    }

    private static string Mint(Guid userId, string issuer, string audience, DateTime expires, DateTime? notBefore = null, bool signed = true) =>
        TestTokens.Mint(userId, issuer, audience, expires, notBefore, signed);
}

[Collection(nameof(SqliteCollection))]
public sealed class JwtValidationTestsOnSqlite(SqliteApiFixture fixture) : JwtValidationTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class JwtValidationTestsOnPostgres(PostgresApiFixture fixture) : JwtValidationTests(fixture);
