using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.Infrastructure.IntegrationTests.Persistence;

public sealed class MigrationsTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer];

    [Theory]
    [MemberData(nameof(Providers))]
    public void EachProvider_HasMigrationsForEveryModelChange(DatabaseProvider provider)
    {
        using var context = DbContextOptionsFactory.Create(provider, PlaceholderConnectionString(provider));

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), $"{provider}: the model changed without a migration; run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void SqlServer_IdempotentScript_CreatesEveryTableGuardedByTheHistoryTable()
    {
        using var context = DbContextOptionsFactory.Create(DatabaseProvider.SqlServer, PlaceholderConnectionString(DatabaseProvider.SqlServer));
        var migrator = context.GetService<IMigrator>();

        var script = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var tables = context.Model.GetEntityTypes().Select(e => e.GetTableName()).Where(t => t is not null).Distinct().ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        foreach (var migration in context.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LowercaseAuditOutcome_RewritesRowsStoredBeforeIt_AndDownRestoresThem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var path = Path.Combine(Path.GetTempPath(), $"riskplatform-migration-{Guid.NewGuid():N}.db");
        try
        {
            await using var context = DbContextOptionsFactory.Create(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False");
            var migrator = context.GetService<IMigrator>();
            var migrations = context.Database.GetMigrations().ToList();
            var lowercase = migrations.FindIndex(m => m.EndsWith("_LowercaseAuditOutcome", StringComparison.Ordinal));
            Assert.True(lowercase > 0);
            var before = migrations[lowercase - 1];
            await migrator.MigrateAsync(before, cancellationToken);
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO audit_logs (id, action, outcome, duration_ms, timestamp) VALUES "
                + "('0199A0E0-0000-7000-8000-000000000001', 'Login', 'Denied', 3, '2026-11-24 12:00:00'), "
                + "('0199A0E0-0000-7000-8000-000000000002', 'Register', 'Succeeded', 4, '2026-11-24 12:00:01')",
                cancellationToken);

            await migrator.MigrateAsync(cancellationToken: cancellationToken);

            Assert.Equal(["denied", "succeeded"], await OutcomesAsync(context, cancellationToken));
            var rows = await context.Set<AuditLog>().AsNoTracking().OrderBy(a => a.Timestamp).ToListAsync(cancellationToken);
            Assert.Equal([AuditOutcome.Denied, AuditOutcome.Succeeded], rows.Select(r => r.Outcome));
            Assert.Single(await context.Set<AuditLog>().Where(a => a.Outcome == AuditOutcome.Denied).ToListAsync(cancellationToken));

            await migrator.MigrateAsync(before, cancellationToken);

            Assert.Equal(["Denied", "Succeeded"], await OutcomesAsync(context, cancellationToken));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Task<List<string>> OutcomesAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Database.SqlQueryRaw<string>("SELECT outcome AS \"Value\" FROM audit_logs ORDER BY timestamp").ToListAsync(cancellationToken);

    private static string PlaceholderConnectionString(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=:memory:",
        DatabaseProvider.PostgreSql => "Host=127.0.0.1;Database=unused",
        _ => "Server=127.0.0.1;Database=unused;TrustServerCertificate=True",
    };
}
