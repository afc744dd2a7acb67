using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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

    private static string PlaceholderConnectionString(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=:memory:",
        DatabaseProvider.PostgreSql => "Host=127.0.0.1;Database=unused",
        _ => "Server=127.0.0.1;Database=unused;TrustServerCertificate=True",
    };
}
