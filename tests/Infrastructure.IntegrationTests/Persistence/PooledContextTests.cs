using System.Text.RegularExpressions;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Application.AuditLogs.Queries.ListAuditLogs;
using RiskPlatform.Application.AuditLogs.Specifications;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.Infrastructure.Persistence.Readers;
using RiskPlatform.Infrastructure.Persistence.Repositories;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>The read path's fixed costs: pooled contexts come back clean, paging is parameterised (one cached plan per query shape).</summary>
public abstract partial class PooledContextTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    public async ValueTask InitializeAsync() => await fixture.ResetAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Context_WhenItsScopeEnds_GoesBackToThePoolWithoutItsTrackedEntitiesOrTransaction()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        RiskPlatformDbContext first;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
            await first.Database.BeginTransactionAsync(cancellationToken);
            first.Add(AuditLog.Record(null, "Abandoned", "thing", null, AuditOutcome.Succeeded, null, null, null, null, 1, Now, null));
        }

        // The pool is first in, first out: the instance comes back after the others already in the pool.
        for (var rent = 0; rent < 100; rent++)
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
            if (!ReferenceEquals(context, first))
            {
                continue;
            }

            Assert.Empty(context.ChangeTracker.Entries());
            Assert.Null(context.Database.CurrentTransaction);
            Assert.Equal(0, await context.Set<AuditLog>().CountAsync(cancellationToken));
            return;
        }

        Assert.Fail("The context never came back from the pool.");
    }

    [Fact]
    public async Task Contexts_OfConcurrentScopes_AreDistinct()
    {
        await using var one = fixture.Services.CreateAsyncScope();
        await using var two = fixture.Services.CreateAsyncScope();

        Assert.NotSame(
            one.ServiceProvider.GetRequiredService<RiskPlatformDbContext>(),
            two.ServiceProvider.GetRequiredService<RiskPlatformDbContext>());
    }

    [Fact]
    public async Task PagedLists_SendLimitAndOffsetAsParameters()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var userId = Guid.CreateVersion7();

        string[] queries =
        [
            NotificationInboxReader.Page.Compile()(context, userId, null, null, null, null, Guid.Empty, 50, 100).ToQueryString(),
            Sql(context, new AuditLogsForUserSpec(userId, new ListAuditLogsQuery(Limit: 50, Offset: 100))),
            Sql(context, new OrdersForUserSpec(userId, null, null, 50, 100)),
        ];

        Assert.All(queries, sql =>
        {
            Assert.Matches(ParameterisedLimit(), sql);
            Assert.DoesNotMatch(InlinedPaging(), sql);
        });
    }

    [Fact]
    public async Task PagedList_OnItsFirstPage_SendsTheSameSqlAsOnLaterPages()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        var userId = Guid.CreateVersion7();

        // Ardalis's own pagination leaves out a skip of 0; ours sends it, so every page shares one statement and plan.
        var first = Sql(context, new OrdersForUserSpec(userId, null, null, 50, 0));
        var later = Sql(context, new OrdersForUserSpec(userId, null, null, 50, 100));

        Assert.Equal(WithoutParameterValues(later), WithoutParameterValues(first));
        Assert.Matches(ParameterisedLimit(), first);
    }

    // ToQueryString puts the values first: "-- @p='100'" (PostgreSQL, SQL Server) or ".param set @p 100" (SQLite).
    private static string WithoutParameterValues(string sql) =>
        string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal) && !line.StartsWith(".param", StringComparison.Ordinal)));

    private static string Sql<T>(RiskPlatformDbContext context, ISpecification<T> specification)
        where T : class => SpecificationEvaluator.Apply(context.Set<T>(), specification).ToQueryString();

    // PostgreSQL and SQLite: LIMIT @p OFFSET @p0; SQL Server: OFFSET @p ROWS FETCH NEXT @p0 ROWS ONLY.
    [GeneratedRegex(@"(LIMIT @\w+ OFFSET @\w+)|(OFFSET @\w+ ROWS FETCH NEXT @\w+ ROWS)")]
    private static partial Regex ParameterisedLimit();

    [GeneratedRegex(@"(LIMIT|OFFSET|FETCH NEXT) \d")]
    private static partial Regex InlinedPaging();
}

[Collection(nameof(SqliteDatabaseCollection))]
public sealed class PooledContextTestsOnSqlite(SqliteDatabaseFixture fixture) : PooledContextTests(fixture);

[Collection(nameof(PostgresDatabaseCollection))]
public sealed class PooledContextTestsOnPostgres(PostgresDatabaseFixture fixture) : PooledContextTests(fixture)
{
    [Fact]
    public async Task Connection_PreparesRepeatedStatementsAutomatically()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>().Database.GetConnectionString();

        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(
            (DbContextOptionsFactory.PostgreSqlMaxAutoPrepare, DbContextOptionsFactory.PostgreSqlAutoPrepareMinUsages),
            (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages));
    }
}
