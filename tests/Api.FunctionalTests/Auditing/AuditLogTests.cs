using System.Net;
using RiskPlatform.Api.FunctionalTests.Infrastructure;

namespace RiskPlatform.Api.FunctionalTests.Auditing;

public abstract class AuditLogTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    [Fact]
    public async Task Commands_EachWriteOneRowWithWhoWhatWhereAndOutcome()
    {
        var client = Anonymous();
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd("riskplatform-tests/1.0");
        await client.SignInAsNewUserAsync("audit@example.com", "Correct-Horse-42");

        var rows = (await client.GetAsync("/api/v1/audit-logs")).EnsureStatus(HttpStatusCode.OK).Array;

        Assert.Equal(["Login", "Register"], rows.Select(r => r!["action"]!.GetValue<string>()));
        var login = rows[0]!;
        Assert.Equal(client.UserId.ToString(), login["user_id"]!.GetValue<string>());
        Assert.Equal("user", login["resource_type"]!.GetValue<string>());
        Assert.Equal(client.UserId.ToString(), login["resource_id"]!.GetValue<string>());
        Assert.Equal("succeeded", login["outcome"]!.GetValue<string>());
        Assert.Equal("riskplatform-tests/1.0", login["user_agent"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(login["trace_id"]!.GetValue<string>()));
        Assert.True(login["duration_ms"]!.GetValue<long>() >= 0);
        Assert.EndsWith("Z", login["timestamp"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedSignIn_AgainstAnExistingAccount_ShowsInItsOwnersAuditLogButAnswersLikeAnUnknownEmail()
    {
        var owner = Anonymous();
        await owner.RegisterAsync("owner@example.com", "Correct-Horse-42");

        var againstOwner = (await Anonymous().PostAsync("/api/v1/auth/login", new { email = "owner@example.com", password = "Wrong-Horse-42" }))
            .EnsureProblem(HttpStatusCode.Unauthorized);
        var againstNobody = (await Anonymous().PostAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "Wrong-Horse-42" }))
            .EnsureProblem(HttpStatusCode.Unauthorized);
        await owner.SignInAsync("owner@example.com", "Correct-Horse-42");

        Assert.Equal(
            (againstNobody.Body!["code"]!.GetValue<string>(), againstNobody.Body!["detail"]!.GetValue<string>()),
            (againstOwner.Body!["code"]!.GetValue<string>(), againstOwner.Body!["detail"]!.GetValue<string>()));
        var rows = (await owner.GetAsync("/api/v1/audit-logs")).EnsureStatus(HttpStatusCode.OK).Array;
        Assert.Equal(["Login:succeeded", "Login:denied", "Register:succeeded"], rows.Select(r => $"{r!["action"]}:{r!["outcome"]}"));
        Assert.Equal("invalid_credentials", rows[1]!["error_code"]!.GetValue<string>());
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'Login' AND user_id IS NULL"));
    }

    [Fact]
    public async Task FailedCommand_LeavesNoChangeButStillLeavesItsAuditRow()
    {
        var client = await SignedInAsync("first@example.com");

        (await Anonymous().PostAsync("/api/v1/auth/register", new { email = "first@example.com", password = "Correct-Horse-42", full_name = "Dup" }))
            .EnsureStatus(HttpStatusCode.Conflict);

        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM users"));
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'Register' AND outcome = 'failed' AND error_code = 'email_taken'"));
    }

    [Fact]
    public async Task RefusedSignIn_IsRecordedAsDeniedAgainstTheAccountAndInItsOwnersName()
    {
        var victim = await SignedInAsync("victim@example.com");

        await Anonymous().PostAsync("/api/v1/auth/login", new { email = "victim@example.com", password = "Wrong-Horse-42" });

        Assert.Equal(1, await Fixture.CountAsync(
            "SELECT COUNT(*) FROM audit_logs WHERE action = 'Login' AND outcome = 'denied' AND error_code = 'invalid_credentials' "
            + $"AND user_id = '{FormatId(victim.UserId)}' AND resource_type = 'user' AND resource_id = '{FormatId(victim.UserId)}'"));
    }

    /// <summary>SQLite stores GUIDs as upper-case text; PostgreSQL compares uuid literals in any case.</summary>
    private string FormatId(Guid id) =>
        Fixture.Provider == RiskPlatform.Infrastructure.Persistence.DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id.ToString();

    [Fact]
    public async Task List_ShowsOnlyTheCallersOwnRows()
    {
        var alice = await SignedInAsync();
        var bob = await SignedInAsync();

        var alicesRows = (await alice.GetAsync("/api/v1/audit-logs")).Array;

        Assert.NotEmpty(alicesRows);
        Assert.All(alicesRows, r => Assert.Equal(alice.UserId.ToString(), r!["user_id"]!.GetValue<string>()));
        Assert.DoesNotContain(alicesRows, r => r!["user_id"]!.GetValue<string>() == bob.UserId.ToString());
    }

    [Fact]
    public async Task List_FiltersByResourceAndTimeAndPagesNewestFirst()
    {
        var client = await SignedInAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.SignInAsync((await client.GetAsync("/api/v1/auth/me")).Body!["email"]!.GetValue<string>(), "Correct-Horse-42");
        }

        var all = (await client.GetAsync("/api/v1/audit-logs")).Array;
        var page = (await client.GetAsync("/api/v1/audit-logs?limit=2&offset=1")).Array;
        var future = (await client.GetAsync($"/api/v1/audit-logs?from={DateTime.UtcNow.AddHours(1):O}")).Array;
        var otherResource = (await client.GetAsync($"/api/v1/audit-logs?resource_id={Guid.NewGuid()}")).Array;

        Assert.Equal(5, all.Count);
        var timestamps = all.Select(r => DateTime.Parse(r!["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(timestamps.OrderByDescending(t => t), timestamps);
        Assert.Equal(all.Skip(1).Take(2).Select(r => r!["id"]!.GetValue<string>()), page.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Empty(future);
        Assert.Empty(otherResource);
    }

    [Theory]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("limit=abc", "limit")]
    [InlineData("resource_id=not-a-guid", "resource_id")]
    [InlineData("from=yesterday", "from")]
    public async Task List_WithBadQuery_Returns400NamingTheField(string query, string field)
    {
        var client = await SignedInAsync();

        (await client.GetAsync($"/api/v1/audit-logs?{query}")).EnsureValidationError(field);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class AuditLogTestsOnSqlite(SqliteApiFixture fixture) : AuditLogTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class AuditLogTestsOnPostgres(PostgresApiFixture fixture) : AuditLogTests(fixture);
