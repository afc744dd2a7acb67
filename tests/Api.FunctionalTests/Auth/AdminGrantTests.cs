using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Auth;

/// <summary>
/// Admin comes only from an operator (<c>users grant-admin</c> / <c>users revoke-admin</c>), never from what a registrant
/// claims; open sessions take the new role at their next refresh.
/// </summary>
public abstract class AdminGrantTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Password = "Correct-Horse-42";

    [Fact]
    public async Task Register_WithTheAddressTheOperatorsUse_IsAnOrdinaryUserWhoCannotPublishQuotes()
    {
        using var client = Anonymous();

        await client.RegisterAsync(RiskPlatformApiFactory.MarketFeedEmail, Password);
        await client.SignInAsync(RiskPlatformApiFactory.MarketFeedEmail, Password);

        Assert.Equal("user", RoleIn(client.AccessToken!));
        (await client.PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m })).EnsureProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GrantAdmin_ThenRevokeAdmin_TakeEffectAtTheNextRefreshAndAreAudited()
    {
        using var client = Anonymous();
        await client.SignInAsNewUserAsync("ops@example.com", Password);

        var (granted, grantOutput) = await RunAsync("users", "grant-admin", "OPS@example.com");
        var afterGrant = await RefreshAsync(client);
        var quote = await client.PutAsync("/api/v1/market/quotes/AAPL", new { price = 10m });
        var (revoked, _) = await RunAsync("users", "revoke-admin", "ops@example.com");
        var afterRevoke = await RefreshAsync(client);
        var refused = await client.PutAsync("/api/v1/market/quotes/AAPL", new { price = 11m });

        Assert.Equal((0, 0), (granted, revoked));
        Assert.Contains("is now admin", grantOutput, StringComparison.Ordinal);
        Assert.Equal(("admin", "user"), (RoleIn(afterGrant), RoleIn(afterRevoke)));
        quote.EnsureStatus(HttpStatusCode.OK);
        refused.EnsureProblem(HttpStatusCode.Forbidden);
        Assert.Equal(2, await Fixture.CountAsync(
            $"SELECT COUNT(*) FROM audit_logs WHERE action = 'ChangeUserRole' AND outcome = 'succeeded' AND LOWER(CAST(resource_id AS TEXT)) = '{client.UserId:D}'"));
    }

    [Fact]
    public async Task GrantAdmin_ForAnEmailNobodyRegistered_ExitsWithOneAndGrantsNothing()
    {
        var (exitCode, _) = await RunAsync("users", "grant-admin", "nobody@example.com");
        var (usage, _) = await RunAsync("users", "make-admin", "nobody@example.com");

        Assert.Equal((1, 64), (exitCode, usage));
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM users WHERE role = 'Admin' OR role = 'admin'"));
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await UsersCommandLine.RunAsync(Fixture.Factory.Services, args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output + error.ToString());
    }

    private static async Task<string> RefreshAsync(ApiClient client)
    {
        var refreshed = (await client.PostAsync("/api/v1/auth/refresh", new { refresh_token = client.RefreshToken })).EnsureStatus(HttpStatusCode.OK);
        client.UseTokens(refreshed.Body!["access_token"]!.GetValue<string>(), refreshed.Body!["refresh_token"]!.GetValue<string>());
        return client.AccessToken!;
    }

    private static string RoleIn(string accessToken) => new JsonWebToken(accessToken).GetClaim("role").Value;
}

[Collection(nameof(SqliteCollection))]
public sealed class AdminGrantTestsOnSqlite(SqliteApiFixture fixture) : AdminGrantTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class AdminGrantTestsOnPostgres(PostgresApiFixture fixture) : AdminGrantTests(fixture);
