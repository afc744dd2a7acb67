using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Respawn;
using RiskPlatform.Infrastructure.Persistence;

namespace RiskPlatform.TestSupport;

/// <summary>Empties every table between tests, keeping the schema and the migration history.</summary>
public sealed class DatabaseReset
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private Respawner? _respawner;

    public DatabaseReset(DatabaseProvider provider, string connectionString)
    {
        _provider = provider;
        _connectionString = connectionString;
    }

    public async Task ResetAsync()
    {
        // A background worker of the previous test's host (outbox, monitor, pushes) may still be writing: PostgreSQL may then
        // pick the reset as a deadlock victim. It is simply tried again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ResetOnceAsync();
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    }

    private async Task ResetOnceAsync()
    {
        if (_provider == DatabaseProvider.PostgreSql)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                TablesToIgnore = ["__EFMigrationsHistory"],
            });

            // audit_logs refuses DELETE (an append-only trigger); TRUNCATE empties it first, then Respawn deletes the rest.
            await using (var truncate = connection.CreateCommand())
            {
                truncate.CommandText = "DO $$ BEGIN IF to_regclass('public.audit_logs') IS NOT NULL THEN TRUNCATE audit_logs; END IF; END $$;";
                await truncate.ExecuteNonQueryAsync();
            }

            await _respawner.ResetAsync(connection);
            return;
        }

        // Respawn has no SQLite adapter; SQLite is embedded and small, so a plain delete of every table does the same.
        await using var sqlite = new SqliteConnection(_connectionString);
        await sqlite.OpenAsync();
        var tables = new List<string>();
        await using (var list = sqlite.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        await using var delete = sqlite.CreateCommand();
        delete.CommandText = "PRAGMA foreign_keys = OFF; " + string.Concat(tables.Select(t => $"DELETE FROM \"{t}\"; ")) + "PRAGMA foreign_keys = ON;";
        await delete.ExecuteNonQueryAsync();
    }

    public static async Task<int> CountAsync(DatabaseProvider provider, string connectionString, string sql)
    {
        await using DbConnection connection = provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
