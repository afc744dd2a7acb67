using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Api.FunctionalTests.Notifications;

namespace RiskPlatform.Api.FunctionalTests.Auth;

public abstract class AuthTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task Register_WithValidInput_ReturnsTheAccountAsTheClientsExpect()
    {
        var response = await Anonymous().PostAsync("/api/v1/auth/register", new { email = "Ann@Example.com", password = "Correct-Horse-42", full_name = "Ann Trader" });

        response.EnsureStatus(HttpStatusCode.Created);
        var body = response.Body!;
        Assert.True(Guid.TryParse(body["id"]!.GetValue<string>(), out var id) && id.Version == 7);
        Assert.Equal("Ann@Example.com", body["email"]!.GetValue<string>());
        Assert.Equal("Ann Trader", body["full_name"]!.GetValue<string>());
        Assert.Equal("user", body["role"]!.GetValue<string>());
        Assert.True(body["is_active"]!.GetValue<bool>());
        Assert.False(body["is_verified"]!.GetValue<bool>());
        Assert.Null(body["last_login"]);
        Assert.EndsWith("Z", body["created_at"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(body["password"]);
        Assert.Null(body["password_hash"]);
    }

    [Fact]
    public async Task Register_WhenEmailDiffersOnlyInCase_Returns409AndKeepsOneAccount()
    {
        var client = Anonymous();
        (await client.PostAsync("/api/v1/auth/register", new { email = "bob@example.com", password = "Correct-Horse-42", full_name = "Bob" }))
            .EnsureStatus(HttpStatusCode.Created);

        (await client.PostAsync("/api/v1/auth/register", new { email = "BOB@example.COM", password = "Other-Horse-43", full_name = "Bob 2" }))
            .EnsureProblem(HttpStatusCode.Conflict);

        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM users"));
    }

    [Theory]
    [InlineData("short1!")]
    [InlineData("password123")]
    [InlineData("qwertyuiop")]
    public async Task Register_WithWeakPassword_Returns400NamingPassword(string password)
    {
        var response = await Anonymous().PostAsync("/api/v1/auth/register", new { email = "c@example.com", password, full_name = "C" });

        response.EnsureValidationError("password");
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task Register_WithOverlongPassword_Returns400NamingPassword()
    {
        var response = await Anonymous().PostAsync("/api/v1/auth/register", new { email = "c@example.com", password = new string('x', 129), full_name = "C" });

        response.EnsureValidationError("password");
    }

    [Fact]
    public async Task Register_WithMissingFields_Returns400NamingEachField()
    {
        var response = await Anonymous().PostAsync("/api/v1/auth/register", new { });

        response.EnsureValidationError("email").EnsureValidationError("password").EnsureValidationError("full_name");
    }

    [Fact]
    public async Task Login_WithCorrectCredentials_ReturnsBearerTokensAndRecordsLastLogin()
    {
        var client = Anonymous();
        await client.PostAsync("/api/v1/auth/register", new { email = "d@example.com", password = "Correct-Horse-42", full_name = "D" });

        var response = await client.PostAsync("/api/v1/auth/login", new { email = "D@EXAMPLE.com", password = "Correct-Horse-42" });

        response.EnsureStatus(HttpStatusCode.OK);
        Assert.Equal("bearer", response.Body!["token_type"]!.GetValue<string>());
        Assert.Equal(900, response.Body["expires_in"]!.GetValue<int>());
        client.UseTokens(response.Body["access_token"]!.GetValue<string>(), response.Body["refresh_token"]!.GetValue<string>());
        var me = (await client.GetAsync("/api/v1/auth/me")).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal("d@example.com", me.Body!["email"]!.GetValue<string>());
        Assert.NotNull(me.Body["last_login"]);
    }

    [Fact]
    public async Task Login_WithWrongPasswordOrUnknownEmail_ReturnsTheSame401()
    {
        var client = Anonymous();
        await client.PostAsync("/api/v1/auth/register", new { email = "e@example.com", password = "Correct-Horse-42", full_name = "E" });

        var wrongPassword = await client.PostAsync("/api/v1/auth/login", new { email = "e@example.com", password = "Wrong-Horse-42" });
        var unknownEmail = await client.PostAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "Wrong-Horse-42" });

        wrongPassword.EnsureProblem(HttpStatusCode.Unauthorized);
        unknownEmail.EnsureProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(wrongPassword.Body!["detail"]!.GetValue<string>(), unknownEmail.Body!["detail"]!.GetValue<string>());
        Assert.Equal(wrongPassword.Body["code"]!.GetValue<string>(), unknownEmail.Body["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_AfterFiveFailuresForOneEmailFromOneAddress_Returns429WithRetryAfterEvenForTheRightPassword()
    {
        var client = Anonymous();
        await client.PostAsync("/api/v1/auth/register", new { email = "f@example.com", password = "Correct-Horse-42", full_name = "F" });
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsync("/api/v1/auth/login", new { email = "f@example.com", password = "Wrong-Horse-42" })).EnsureStatus(HttpStatusCode.Unauthorized);
        }

        var throttled = await client.PostAsync("/api/v1/auth/login", new { email = "f@example.com", password = "Correct-Horse-42" });

        throttled.EnsureProblem(HttpStatusCode.TooManyRequests);
        var retryAfter = throttled.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 15 * 60);
        Assert.Equal(5, await Fixture.CountAsync("SELECT COUNT(*) FROM login_attempts"));
    }

    [Fact]
    public async Task Refresh_RotatesTheToken_AndReusingTheSpentOneRevokesTheFamily()
    {
        var client = await SignedInAsync();
        var first = client.RefreshToken!;

        var rotated = (await Anonymous().PostAsync("/api/v1/auth/refresh", new { refresh_token = first })).EnsureStatus(HttpStatusCode.OK);
        var second = rotated.Body!["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(first, second);

        (await Anonymous().PostAsync("/api/v1/auth/refresh", new { refresh_token = first })).EnsureProblem(HttpStatusCode.Unauthorized);

        // The reuse revoked the whole family, so the successor no longer works either.
        (await Anonymous().PostAsync("/api/v1/auth/refresh", new { refresh_token = second })).EnsureProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM refresh_tokens WHERE revoked_at IS NULL"));
    }

    [Fact]
    public async Task Logout_RevokesTheRefreshToken()
    {
        var client = await SignedInAsync();

        (await client.PostAsync("/api/v1/auth/logout", new { refresh_token = client.RefreshToken })).EnsureStatus(HttpStatusCode.NoContent);

        (await Anonymous().PostAsync("/api/v1/auth/refresh", new { refresh_token = client.RefreshToken })).EnsureProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LogoutAll_EndsEverySignInOfTheCallerAndNoOneElses()
    {
        const string email = "many-devices@example.com";
        var laptop = await SignedInAsync(email);
        var phone = Anonymous();
        await phone.SignInAsync(email, "Correct-Horse-42");
        var refreshedPhone = (await Anonymous().PostAsync("/api/v1/auth/refresh", new { refresh_token = phone.RefreshToken })).EnsureStatus(HttpStatusCode.OK);
        var phoneRefreshToken = refreshedPhone.Body!["refresh_token"]!.GetValue<string>();
        var someoneElse = await SignedInAsync();

        (await laptop.PostAsync("/api/v1/auth/logout-all")).EnsureStatus(HttpStatusCode.NoContent);

        (await Anonymous().PostAsync("/api/v1/auth/refresh", new { refresh_token = laptop.RefreshToken })).EnsureProblem(HttpStatusCode.Unauthorized);
        (await Anonymous().PostAsync("/api/v1/auth/refresh", new { refresh_token = phoneRefreshToken })).EnsureProblem(HttpStatusCode.Unauthorized);
        (await Anonymous().PostAsync("/api/v1/auth/refresh", new { refresh_token = someoneElse.RefreshToken })).EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(0, await Fixture.CountAsync(
            $"SELECT COUNT(*) FROM refresh_tokens WHERE revoked_at IS NULL AND user_id = {Fixture.Literal(laptop.UserId)}"));
        Assert.Equal(1, await Fixture.CountAsync(
            "SELECT COUNT(*) FROM audit_logs WHERE action = 'LogoutAll' AND outcome = 'succeeded' AND description LIKE '%2 sign-ins ended%'"));

        // A new sign-in afterwards works, and logging out everywhere again with nothing left to end is no error.
        var again = Anonymous();
        await again.SignInAsync(email, "Correct-Horse-42");
        (await laptop.PostAsync("/api/v1/auth/logout-all")).EnsureStatus(HttpStatusCode.NoContent);
        (await Anonymous().PostAsync("/api/v1/auth/logout-all")).EnsureStatus(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTkzYzEyMy0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDEiLCJpc3MiOiJyaXNrcGxhdGZvcm0iLCJhdWQiOiJyaXNrcGxhdGZvcm0tY2xpZW50cyIsImV4cCI6NDEwMjQ0NDgwMH0.c2lnbmF0dXJlLWZyb20tYW5vdGhlci1rZXk")]
    public async Task Me_WithoutAValidToken_Returns401Problem(string? token)
    {
        var client = Anonymous();
        if (token is not null)
        {
            client.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        var response = await client.GetAsync("/api/v1/auth/me");

        response.EnsureStatus(HttpStatusCode.Unauthorized);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class AuthTestsOnSqlite(SqliteApiFixture fixture) : AuthTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class AuthTestsOnPostgres(PostgresApiFixture fixture) : AuthTests(fixture);
