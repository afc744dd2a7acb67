using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A pooled context keeps its <see cref="NpgsqlConnection"/> from request to request. A connection cut while Npgsql
/// auto-prepares a statement must not leave anything behind on it that fails the context's queries once the database is back.
/// </summary>
public sealed class PostgresConnectionCutTests(ProxiedPostgresDatabaseFixture fixture) : IClassFixture<ProxiedPostgresDatabaseFixture>
{
    [Fact]
    public async Task Context_CutWhileAStatementIsBeingPrepared_QueriesAgainOnceTheDatabaseIsBack()
    {
        await fixture.ResetAsync();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var scope = fixture.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var audit = context.Set<AuditLog>();

        // One physical connection in the pool, on which the query has run once: its next run there is the one that prepares
        // it (Auto Prepare Min Usages=2).
        NpgsqlConnection.ClearPool((NpgsqlConnection)context.Database.GetDbConnection());
        Assert.Equal(0, await audit.CountAsync(cancellationToken));

        await fixture.Proxy.CutAsync();
        var cut = await Assert.ThrowsAnyAsync<Exception>(() => audit.CountAsync(cancellationToken));
        Assert.True(DatabaseUnavailable.IsCause(cut), $"not recognised as the database being unreachable: {cut}");

        fixture.Proxy.Restore();

        // The same query (a new physical connection, its first run there), another one, and the same again: each answers,
        // and none reads what another left unread on the connection.
        Assert.Equal(0, await audit.CountAsync(cancellationToken));
        Assert.Empty(await audit.Where(a => a.Action == "none").ToListAsync(cancellationToken));
        Assert.Equal(0, await audit.CountAsync(cancellationToken));
    }
}
