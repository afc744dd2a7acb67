using RiskPlatform.Infrastructure.Persistence;
using RiskPlatform.TestSupport;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>
/// A database of a test's own, for services it runs as processes (no other host's outbox may take its rows): a new
/// PostgreSQL database (the test is skipped when PostgreSQL is unavailable) or a new SQLite file, dropped after the scenario.
/// </summary>
public static class OwnDatabase
{
    public static async Task RunAsync(DatabaseProvider provider, string name, Func<string, Task> scenario)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            if (PostgresTestDatabase.UnavailableReason is { } reason)
            {
                Assert.Skip(reason);
            }

            await using var database = await PostgresTestDatabase.CreateMigratedAsync(name);
            await scenario(database.ConnectionString);
            return;
        }

        var path = await MigratedTemplates.NewSqlitePathAsync(name);
        try
        {
            await scenario($"Data Source={path}");
        }
        finally
        {
            SqliteTestFiles.Delete(path);
        }
    }
}
