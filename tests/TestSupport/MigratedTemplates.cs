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
    private static readonly Lazy<Task<PostgresTestDatabase>> PostgresTemplate = new(CreatePostgresTemplateAsync);

    /// <summary>A new SQLite file (a path no other test uses) holding the migrated schema.</summary>
    public static async Task<string> NewSqlitePathAsync(string purpose)
    {
        var template = await SqliteTemplate.Value;
        var path = SqliteTestFiles.NewPath(purpose);
        File.Copy(template, path);
        return path;
    }

    /// <summary>The name of the migrated PostgreSQL template database, on the server the tests use.</summary>
    internal static async Task<string> PostgresTemplateAsync() => (await PostgresTemplate.Value).Name;

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var path = SqliteTestFiles.NewPath("template");
        await MigrateAsync(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }

    private static async Task<PostgresTestDatabase> CreatePostgresTemplateAsync()
    {
        var template = await PostgresTestDatabase.CreateAsync("template");

        // No pooled connection may stay open on a template: PostgreSQL refuses to copy a database others are connected to.
        await MigrateAsync(
            DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(template.ConnectionString) { Pooling = false }.ConnectionString);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                template.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The server may be gone already at the end of a run: its data directory goes with it.
            }
        };
        return template;
    }

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        await using var context = DbContextOptionsFactory.Create(provider, connectionString);
        await context.Database.MigrateAsync();
    }
}
