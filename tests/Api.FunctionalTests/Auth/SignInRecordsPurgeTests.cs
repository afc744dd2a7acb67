using MediatR;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Application.Auth.Commands.PurgeSignInRecords;
using RiskPlatform.Domain.Users;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Auth;

/// <summary>
/// The purge of sign-in records: failed sign-ins past their retention and the refresh tokens of sessions that ended past
/// theirs go in one set-based delete each; recent failures (the throttle reads them) and every token of a live session
/// (a spent one is how a stolen token is caught) stay.
/// </summary>
public abstract class SignInRecordsPurgeTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public async Task Purge_DeletesOldFailedSignInsAndEndedSessionsOnly()
    {
        using var client = await SignedInAsync("purged@example.com");
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        await SeedAsync(Fixture.Factory.Services, client.UserId, now);

        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new PurgeSignInRecordsCommand(Week, Week), TestContext.Current.CancellationToken);

        Assert.Equal(new SignInRecordsPurged(LoginAttempts: 2, RefreshTokens: 2), purged);
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM login_attempts"));
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash LIKE 'ended-%'"));
        Assert.Equal(2, await Fixture.CountAsync("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash LIKE 'live-%'"));
        (await client.PostAsync("/api/v1/auth/refresh", new { refresh_token = client.RefreshToken })).EnsureStatus(System.Net.HttpStatusCode.OK);
        Assert.Equal(1, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE action = 'PurgeSignInRecords' AND outcome = 'succeeded'"));
    }

    [Fact]
    public async Task Purge_WithARetentionShorterThanTheThrottleReads_IsRefusedNamingIt()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var refused = await Assert.ThrowsAsync<Application.Common.Exceptions.ValidationException>(() => scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new PurgeSignInRecordsCommand(TimeSpan.FromMinutes(5), Week), TestContext.Current.CancellationToken));
        Assert.Equal(["login_attempts_retention"], refused.Errors.Keys);
    }

    /// <summary>
    /// Three failed sign-ins (two past a week), and two sessions of the user of two tokens each: one ended eight days ago,
    /// one live.
    /// </summary>
    internal static async Task SeedAsync(IServiceProvider services, Guid userId, DateTime now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        db.AddRange(
            LoginAttempt.Failed("PURGED@EXAMPLE.COM", "203.0.113.9", now.AddDays(-8)),
            LoginAttempt.Failed("PURGED@EXAMPLE.COM", "203.0.113.9", now.AddDays(-30)),
            LoginAttempt.Failed("PURGED@EXAMPLE.COM", "203.0.113.9", now.AddMinutes(-3)));
        var ended = RefreshToken.StartSession(userId, Guid.CreateVersion7(), "ended-1", now.AddDays(-38), Week, TimeSpan.FromDays(30));
        var live = RefreshToken.StartSession(userId, Guid.CreateVersion7(), "live-1", now.AddDays(-2), Week, TimeSpan.FromDays(30));
        db.AddRange(ended, ended.IssueSuccessor("ended-2", now.AddDays(-37), Week), live, live.IssueSuccessor("live-2", now.AddDays(-1), Week));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class SignInRecordsPurgeTestsOnSqlite(SqliteApiFixture fixture) : SignInRecordsPurgeTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class SignInRecordsPurgeTestsOnPostgres(PostgresApiFixture fixture) : SignInRecordsPurgeTests(fixture);

/// <summary>The purge runs by itself, on its interval, in a host started with the default retention.</summary>
public abstract class SignInRecordsPurgeJobTests() : DedicatedHostTest("purge-job")
{
    [Fact]
    public async Task PurgeJob_OnItsInterval_DeletesTheOldRecords()
    {
        var host = await Hosts.StartAsync(new Dictionary<string, string?> { ["Purge:Interval"] = "00:00:01" });
        using var client = await DedicatedHosts.SignedInAsync(host, "purged@example.com");
        await SignInRecordsPurgeTests.SeedAsync(host.Services, client.UserId, Hosts.Time.GetUtcNow().UtcDateTime);

        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM login_attempts", 1, "the job purged the old failed sign-ins");
        await Hosts.WaitForCountAsync("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash LIKE 'ended-%'", 0, "the job purged the ended session");
        Assert.Equal(2, await Hosts.CountAsync("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash LIKE 'live-%'"));
    }
}

public sealed class SignInRecordsPurgeJobTestsOnSqlite : SignInRecordsPurgeJobTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SignInRecordsPurgeJobTestsOnPostgres : SignInRecordsPurgeJobTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
