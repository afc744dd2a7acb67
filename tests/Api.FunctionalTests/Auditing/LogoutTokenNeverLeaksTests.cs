using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Auditing;

/// <summary>The refresh token sent to logout (live, unknown or malformed) never reaches an audit row, a log line or a response.</summary>
public abstract class LogoutTokenNeverLeaksTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task Logout_WithLiveUnknownOrOverlongRefreshToken_NeverWritesTheTokenToAuditRowsLogsOrResponses()
    {
        var client = await SignedInAsync();
        var live = client.RefreshToken!;
        var unknown = $"Canary-{Guid.NewGuid():N}";
        var overlong = $"Canary-{Guid.NewGuid():N}" + new string('x', 600);

        var loggedOut = await client.PostAsync("/api/v1/auth/logout", new { refresh_token = live });
        var unknownOut = await client.PostAsync("/api/v1/auth/logout", new { refresh_token = unknown });
        var invalid = await client.PostAsync("/api/v1/auth/logout", new { refresh_token = overlong });

        loggedOut.EnsureStatus(HttpStatusCode.NoContent);
        unknownOut.EnsureStatus(HttpStatusCode.NoContent);
        invalid.EnsureValidationError("refresh_token");

        // The logouts were audited (so the search below looked at rows that exist), and the token really was revoked.
        Assert.True(2 <= await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'Logout'"), "the logouts left no audit rows");
        (await Anonymous().PostAsync("/api/v1/auth/refresh", new { refresh_token = live })).EnsureProblem(HttpStatusCode.Unauthorized);
        Assert.NotEmpty(Fixture.Logs.Lines);

        // The overlong one is searched by its canary prefix: any part of it reaching a row or a line is a leak.
        string[] secrets = [live, unknown, overlong[..39]];
        foreach (var secret in secrets)
        {
            Assert.False(Fixture.Logs.Contains(secret), $"a refresh token reached a log line: {secret}");
            foreach (var response in new[] { loggedOut, unknownOut, invalid })
            {
                Assert.DoesNotContain(secret, response.Text, StringComparison.Ordinal);
            }

            Assert.Equal(0, await Fixture.CountAsync(
                "SELECT COUNT(*) FROM audit_logs WHERE "
                + $"description LIKE '%{secret}%' OR user_agent LIKE '%{secret}%' OR error_code LIKE '%{secret}%' "
                + $"OR action LIKE '%{secret}%' OR resource_type LIKE '%{secret}%' OR trace_id LIKE '%{secret}%'"));
        }
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class LogoutTokenNeverLeaksTestsOnSqlite(SqliteApiFixture fixture) : LogoutTokenNeverLeaksTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class LogoutTokenNeverLeaksTestsOnPostgres(PostgresApiFixture fixture) : LogoutTokenNeverLeaksTests(fixture);
