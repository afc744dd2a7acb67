using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.Infrastructure.Persistence.Interceptors;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

/// <summary>A span per EF Core command, as a tracer listening to <see cref="DatabaseCommandTracing.SourceName"/> receives it.</summary>
public abstract class DatabaseCommandTracingTests(DatabaseFixture fixture) : IAsyncLifetime, IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivitySource _caller = new($"tests.{Guid.NewGuid():N}");
    private ActivityListener? _listener;

    private string ExpectedSystem => fixture.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";

    public async ValueTask InitializeAsync()
    {
        await fixture.ResetAsync();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DatabaseCommandTracing.SourceName || source == _caller,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose()
    {
        _listener?.Dispose();
        _caller.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task EveryStatement_IsOneSpanInsideTheCallersSpan_NamedForItsOperation()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var scope = fixture.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        using (_caller.StartActivity("caller"))
        {
            context.Add(AuditLog.Record(null, "Traced", "thing", null, AuditOutcome.Succeeded, null, null, null, null, 1, Now, null));
            await context.SaveChangesAsync(cancellationToken);
            Assert.Equal(1, await context.Set<AuditLog>().CountAsync(a => a.Action == "Traced", cancellationToken));
        }

        var spans = SpansOfThisTest();
        var caller = Assert.Single(spans, s => s.Source == _caller);
        var statements = spans.Where(s => s.Source.Name == DatabaseCommandTracing.SourceName).ToList();
        Assert.Contains(statements, s => s.DisplayName == "INSERT" && Text(s).Contains("audit_logs", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.DisplayName == "SELECT" && Text(s).Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.All(statements, s =>
        {
            Assert.Equal(caller.SpanId, s.ParentSpanId);
            Assert.Equal(ActivityKind.Client, s.Kind);
            Assert.Equal(ExpectedSystem, s.GetTagItem("db.system.name"));
            Assert.Equal(s.DisplayName, s.GetTagItem("db.operation.name"));
            Assert.Equal(ActivityStatusCode.Unset, s.Status);
        });
    }

    [Fact]
    public async Task FailedStatement_EndsItsSpanAsAnError()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var scope = fixture.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RiskPlatformDbContext>();
        using (_caller.StartActivity("caller"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("SELECT * FROM no_such_table", cancellationToken));
        }

        var failed = Assert.Single(SpansOfThisTest(), s => s.Source.Name == DatabaseCommandTracing.SourceName);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.NotNull(failed.GetTagItem("error.type"));
        Assert.Equal("SELECT", failed.DisplayName);
    }

    [Theory]
    [InlineData("SELECT 1", "SELECT")]
    [InlineData("  \n insert into t values (1)", "INSERT")]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", "WITH")]
    [InlineData("", "EXECUTE")]
    [InlineData(null, "EXECUTE")]
    public void Operation_IsTheStatementsFirstWordInCapitals(string? sql, string expected) =>
        Assert.Equal(expected, DatabaseCommandTracing.OperationOf(sql));

    /// <summary>The spans of this test's traces only: the source is process-wide, and other tests' statements reach it too.</summary>
    private List<Activity> SpansOfThisTest()
    {
        var traces = _stopped.Where(s => s.Source == _caller).Select(s => s.TraceId).ToHashSet();
        return [.. _stopped.Where(s => traces.Contains(s.TraceId))];
    }

    private static string Text(Activity span) => span.GetTagItem("db.query.text") as string ?? string.Empty;
}

[Collection(nameof(SqliteDatabaseCollection))]
public sealed class DatabaseCommandTracingTestsOnSqlite(SqliteDatabaseFixture fixture) : DatabaseCommandTracingTests(fixture);

[Collection(nameof(PostgresDatabaseCollection))]
public sealed class DatabaseCommandTracingTestsOnPostgres(PostgresDatabaseFixture fixture) : DatabaseCommandTracingTests(fixture);
