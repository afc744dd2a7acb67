using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Api.Cli;
using RiskPlatform.Api.FunctionalTests.Infrastructure;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Api.FunctionalTests.Auditing;

/// <summary>
/// Audit rows form HMAC chains that <c>audit verify</c> walks: an altered, removed or reordered row is named; parallel writers
/// never fork a chain; on PostgreSQL the service's own connection cannot UPDATE or DELETE an audit row.
/// </summary>
public abstract class AuditChainTests(ApiFixture fixture) : FunctionalTest(fixture)
{
    private const string Password = "Correct-Horse-42";

    [Fact]
    public async Task Verify_AfterOrdinaryTraffic_ReportsEveryRowIntact()
    {
        await WriteSomeRowsAsync();

        var (exitCode, output, _) = await VerifyAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("rows intact", output, StringComparison.Ordinal);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE hash IS NULL OR chain_sequence IS NULL OR hmac_key_version <> 1"));
    }

    [Fact]
    public async Task Verify_WhenARowWasAltered_NamesThatRow()
    {
        await WriteSomeRowsAsync();
        var victim = await DeniedLoginRowIdAsync();

        await AsOwnerAsync($"UPDATE audit_logs SET outcome = 'succeeded' WHERE id = {Literal(victim)}");
        var (exitCode, _, error) = await VerifyAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains(victim.ToString(), error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("altered or reordered", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WhenARowWasRemoved_ReportsTheMissingLink()
    {
        await WriteSomeRowsAsync();
        var (chain, sequence) = await MiddleOfALongChainAsync();

        await AsOwnerAsync($"DELETE FROM audit_logs WHERE chain = {chain} AND chain_sequence = {sequence}");
        var (exitCode, _, error) = await VerifyAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains($"chain {chain}: rows #{sequence} to #{sequence} are missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WhenTwoRowsSwappedPlaces_ReportsTheFirst()
    {
        await WriteSomeRowsAsync();
        var (chain, sequence) = await MiddleOfALongChainAsync();

        // Swap the two rows' positions (through a free sequence number, as the unique index demands).
        await AsOwnerAsync(
            $"UPDATE audit_logs SET chain_sequence = -1 WHERE chain = {chain} AND chain_sequence = {sequence}",
            $"UPDATE audit_logs SET chain_sequence = {sequence} WHERE chain = {chain} AND chain_sequence = {sequence + 1}",
            $"UPDATE audit_logs SET chain_sequence = {sequence + 1} WHERE chain = {chain} AND chain_sequence = -1");
        var (exitCode, _, error) = await VerifyAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains($"chain {chain}, row #{sequence} ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chains_WithFortyParallelWriters_StayUnforkedAndVerify()
    {
        var clients = Enumerable.Range(0, 40).Select(_ => Anonymous()).ToList();

        var responses = await Task.WhenAll(clients.Select((c, i) =>
            c.PostAsync("/api/v1/auth/register", new { email = $"parallel{i}@example.com", password = Password, full_name = "P" })));

        Assert.All(responses, r => r.EnsureStatus(HttpStatusCode.Created));
        var (exitCode, _, error) = await VerifyAsync();
        Assert.True(exitCode == 0, error);
        Assert.Equal(40, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE chain_sequence IS NOT NULL"));
    }

    [Fact]
    public async Task AuditRows_OnPostgreSql_CannotBeUpdatedOrDeletedByTheService()
    {
        Assert.SkipUnless(Fixture.Provider == DatabaseProvider.PostgreSql, "the append-only trigger is PostgreSQL's");
        await WriteSomeRowsAsync();

        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Database;
        var update = await Assert.ThrowsAnyAsync<Exception>(() => database.ExecuteSqlRawAsync("UPDATE audit_logs SET description = 'edited'", TestContext.Current.CancellationToken));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => database.ExecuteSqlRawAsync("DELETE FROM audit_logs", TestContext.Current.CancellationToken));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Fixture.CountAsync("SELECT COUNT(*) FROM audit_logs WHERE description = 'edited'"));
    }

    private async Task WriteSomeRowsAsync()
    {
        var client = Anonymous();
        await client.SignInAsNewUserAsync("chain@example.com", Password);
        (await Anonymous().PostAsync("/api/v1/auth/login", new { email = "chain@example.com", password = "Wrong-Horse-42" }))
            .EnsureProblem(HttpStatusCode.Unauthorized);
        for (var i = 0; i < 24; i++)
        {
            await Anonymous().PostAsync("/api/v1/auth/register", new { email = $"filler{i}@example.com", password = Password, full_name = "F" });
        }
    }

    /// <summary>A chain with at least three rows, and a row in its middle.</summary>
    private async Task<(int Chain, long Sequence)> MiddleOfALongChainAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<Domain.Auditing.AuditLog>().AsNoTracking()
            .Where(a => a.ChainSequence != null)
            .GroupBy(a => a.Chain)
            .Select(g => new { Chain = g.Key, Count = g.Count() })
            .ToListAsync(TestContext.Current.CancellationToken);
        var chain = rows.First(r => r.Count >= 3).Chain;
        return (chain, 2);
    }

    private async Task<Guid> DeniedLoginRowIdAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Set<Domain.Auditing.AuditLog>().AsNoTracking()
            .Where(a => a.Action == "Login" && a.Outcome == Domain.Auditing.AuditOutcome.Denied)
            .Select(a => a.Id)
            .SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Runs SQL as the table's owner would (on PostgreSQL with the append-only trigger switched off for it).</summary>
    private async Task AsOwnerAsync(params string[] statements)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Database;
        var postgres = Fixture.Provider == DatabaseProvider.PostgreSql;
        if (postgres)
        {
            await database.ExecuteSqlRawAsync("ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_append_only");
        }

        try
        {
            foreach (var statement in statements)
            {
                await database.ExecuteSqlRawAsync(statement);
            }
        }
        finally
        {
            if (postgres)
            {
                await database.ExecuteSqlRawAsync("ALTER TABLE audit_logs ENABLE TRIGGER audit_logs_append_only");
            }
        }
    }

    private string Literal(Guid id) => Fixture.Provider == DatabaseProvider.Sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

    private async Task<(int ExitCode, string Output, string Error)> VerifyAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AuditCommandLine.RunAsync(Fixture.Factory.Services, ["audit", "verify"], output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class AuditChainTestsOnSqlite(SqliteApiFixture fixture) : AuditChainTests(fixture);

[Collection(nameof(PostgresCollection))]
public sealed class AuditChainTestsOnPostgres(PostgresApiFixture fixture) : AuditChainTests(fixture);
