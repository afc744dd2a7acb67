using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace RiskPlatform.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Pins SQLite's settings on every connection the service opens, instead of leaving them to whoever created the file:
/// write-ahead logging (readers never wait for the writer) and the configured sync level (<c>NORMAL</c> under group sync,
/// where <see cref="SqliteGroupSync"/> syncs the log for the commits instead). Writers of this process queue in
/// <see cref="SqliteWriteGate"/>; only another process on the same file still meets the driver's busy timeout
/// (<c>Default Timeout</c> in the connection string). The settings belong to the native connection, which the driver pools:
/// they are applied once per native connection, not on every open.
/// </summary>
internal sealed class SqliteConnectionSettings(IOptions<DatabaseOptions> options) : DbConnectionInterceptor
{
    private static readonly object Applied = new();
    private readonly ConditionalWeakTable<object, object> _configured = [];

    private string Pragmas => PragmasFor(options.Value.SqliteSynchronous);

    /// <summary>The settings of a connection for the configured sync level (also applied to the writer's own connection).</summary>
    public static string PragmasFor(SqliteSynchronous synchronous) =>
        $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {(synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSettings(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSettings(connection))
        {
            return;
        }

        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True the first time this native connection is seen (then it is remembered until the driver drops it).</summary>
    private bool NeedsSettings(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle })
        {
            return true;
        }

        return _configured.TryAdd(handle, Applied);
    }
}
