using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Exceptions;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// Group sync for SQLite (<see cref="SqliteSynchronous.Group"/>): SQLite commits at <c>synchronous = NORMAL</c>, which writes
/// the transaction's pages to the write-ahead log without syncing it, and each committed command waits here for one sync
/// (fsync) of the log that began after its commit. Whoever arrives while a sync runs joins the next one, so one sync serves
/// every commit that queued behind the last — and none of them holds the process's writer while it waits.
/// </summary>
/// <remarks>
/// This is as durable as a sync at every commit: the log's frames of a committed transaction are in the file before its commit
/// returns, a sync of the file (by any descriptor) puts them on the disk, and SQLite recovers every transaction whose frames
/// are there. A checkpoint syncs the log before it copies it and the database after. Without a file (an in-memory database),
/// or when the log has been checkpointed and removed, there is nothing to sync.
/// </remarks>
internal sealed partial class SqliteGroupSync(string? walPath, ILogger<SqliteGroupSync> logger)
{
    private readonly object _gate = new();
    private TaskCompletionSource? _next;
    private bool _syncing;
    private long _syncs;

    /// <summary>How many syncs of the log have run (each serving every commit that waited for it).</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>The log of the database named by <paramref name="connectionString"/>, or none for an in-memory database.</summary>
    public static string? WalPathOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:"
            ? null
            : Path.GetFullPath(dataSource) + "-wal";
    }

    /// <summary>Completes once a sync that began after this call has put the log on the disk.</summary>
    /// <exception cref="ServiceUnavailableException">The sync failed: the commit may not survive a power loss.</exception>
    public Task WaitDurableAsync()
    {
        if (walPath is null)
        {
            return Task.CompletedTask;
        }

        Task durable;
        lock (_gate)
        {
            _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            durable = _next.Task;
            if (!_syncing)
            {
                _syncing = true;
                _ = Task.Run(SyncWhileWaited);
            }
        }

        return durable;
    }

    private void SyncWhileWaited()
    {
        while (true)
        {
            TaskCompletionSource waiting;
            lock (_gate)
            {
                if (_next is null)
                {
                    _syncing = false;
                    return;
                }

                waiting = _next;
                _next = null;
            }

            try
            {
                SyncLog();
                waiting.SetResult();
            }
#pragma warning disable CA1031 // Every waiter learns that its commit is not known to be durable.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogSyncFailed(logger, walPath!, exception);
                waiting.SetException(new ServiceUnavailableException(
                    "database_unavailable", "The database could not confirm the write; check before retrying.", exception)
                {
                    RetryAfter = TimeSpan.FromSeconds(1),
                });
            }
        }
    }

    private void SyncLog()
    {
        try
        {
            using var log = File.OpenHandle(walPath!, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.FlushToDisk(log);
            Interlocked.Increment(ref _syncs);
        }
        catch (FileNotFoundException)
        {
            // Checkpointed and removed by the last connection to close: the commits are in the synced database file.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Syncing the SQLite write-ahead log {WalPath} failed")]
    private static partial void LogSyncFailed(ILogger logger, string walPath, Exception exception);
}
