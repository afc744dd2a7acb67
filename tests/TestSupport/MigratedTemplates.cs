using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.TestSupport;

/// <summary>
/// New test databases that start migrated. Each provider's migrations run once per test process, into a template that every
/// new database copies: a file copy for SQLite, <c>CREATE DATABASE … TEMPLATE</c> for PostgreSQL. Applying the migrations
/// (their SQL generated from the migration models, then run) cost each host on a new database about a tenth of the
/// functional suite's CPU, and the suite is bound by CPU on CI's two cores.
/// </summary>
public static class MigratedTemplates
{
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);

    /// <summary>A new SQLite file (a path no other test uses) holding the migrated schema.</summary>
    public static async Task<string> NewSqlitePathAsync(string purpose)
    {
        var template = await SqliteTemplate.Value;
        var path = SqliteTestFiles.NewPath(purpose);
        File.Copy(template, path);
        return path;
    }

    /// <summary>The name of the migrated PostgreSQL template database, on the server the tests use.</summary>
    internal static Task<string> PostgresTemplateAsync() => PostgresTemplate.Value;

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var path = SqliteTestFiles.NewPath("template");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;
        await using (var context = DbContextOptionsFactory.Create(DatabaseProvider.Sqlite, connectionString))
        {
            await context.Database.MigrateAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresTestDatabase.EnvironmentVariable)
            ?? throw new InvalidOperationException(PostgresTestDatabase.UnavailableReason);
        var name = $"rp_template_{Environment.ProcessId}_{Guid.NewGuid():N}";
        await PostgresTestDatabase.ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");

        // No pooled connection may stay open on a template: PostgreSQL refuses to copy a database others are connected to.
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        await using (var context = DbContextOptionsFactory.Create(DatabaseProvider.PostgreSql, connectionString))
        {
            await context.Database.MigrateAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                PostgresTestDatabase.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The server may be gone already at the end of a run: its data directory goes with it.
            }
        };
        return name;
    }
}
