using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Auditing;

public abstract class SecretsNeverLeakTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task PasswordsAndTokens_NeverReachALogLineAnAuditRowOrAResponse()
    {
        var canary = $"Canary-{Guid.NewGuid():N}";
        var client = Anonymous();

        var registered = await client.PostAsync("/api/v1/auth/register", new { email = "canary@example.com", password = canary, full_name = "Canary" });
        var refused = await client.PostAsync("/api/v1/auth/login", new { email = "canary@example.com", password = canary + "-wrong" });
        await client.SignInAsync("canary@example.com", canary);
        var refreshToken = client.RefreshToken!;
        var refreshed = await client.PostAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken });
        await client.PostAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken }); // reuse: refused and audited
        // Rejected by validation, with the secret in the body: audited as failed, naming the fields only.
        var badEmail = await client.PostAsync("/api/v1/auth/register", new { email = "not-an-email", password = canary, full_name = "Canary" });
        var tooLong = await client.PostAsync("/api/v1/auth/register", new { email = "long@example.com", password = canary + new string('x', 130), full_name = "Canary" });
        var badLogin = await client.PostAsync("/api/v1/auth/login", new { email = "", password = canary });

        registered.EnsureStatus(HttpStatusCode.Created);
        refused.EnsureStatus(HttpStatusCode.Unauthorized);
        refreshed.EnsureStatus(HttpStatusCode.OK);
        badEmail.EnsureValidationError("email");
        tooLong.EnsureValidationError("password");
        badLogin.EnsureValidationError("email");
        Assert.Equal(2, await Fixture.CountAsync(
            "SELECT COUNT(*) FROM audit_logs WHERE action = 'Register' AND outcome = 'failed' AND error_code = 'validation_failed' AND description LIKE 'Rejected fields: %'"));
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'Login' AND outcome = 'failed' AND error_code = 'validation_failed'"));
        string[] secrets = [canary, refreshToken, refreshed.Body!["refresh_token"]!.GetValue<string>()];

        Assert.NotEmpty(Fixture.Logs.Lines);
        foreach (var secret in secrets)
        {
            Assert.False(Fixture.Logs.Contains(secret), "a secret reached a log line");
            Assert.DoesNotContain(secret, registered.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, refused.Text, StringComparison.Ordinal);
            Assert.All(new[] { badEmail, tooLong, badLogin }, r => Assert.DoesNotContain(secret, r.Text, StringComparison.Ordinal));
            Assert.Equal(0, await Fixture.CountAsync(
                $"SELECT COUNT(*) FROM audit_logs WHERE description LIKE '%{secret}%' OR user_agent LIKE '%{secret}%' OR error_code LIKE '%{secret}%'"));
        }

        Assert.Equal(0, await Fixture.CountAsync($"SELECT COUNT(*) FROM users WHERE password_hash LIKE '%{canary}%'"));
        Assert.True(await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs") >= 5);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class SecretsNeverLeakTestsOnSqlite(SqliteApiFixture fixture) : SecretsNeverLeakTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class SecretsNeverLeakTestsOnPostgres(PostgresApiFixture fixture) : SecretsNeverLeakTests(fixture);
