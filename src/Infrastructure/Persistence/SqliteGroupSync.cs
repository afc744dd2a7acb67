using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Win32.SafeHandles;
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
internal sealed partial class SqliteGroupSync(string? walPath, ILogger<SqliteGroupSync> logger) : IDisposable
{
    private readonly object _gate = new();
    private TaskCompletionSource? _next;
    private Thread? _syncer;
    private bool _disposed;
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

        lock (_gate)
        {
            if (_disposed)
            {
                // Shutting down: a command still finishing syncs for itself.
                var alone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _ = Task.Run(() => SyncFor(alone));
                return alone.Task;
            }

            if (_next is null)
            {
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_syncer is null)
                {
                    // A thread of its own: under load, a sync queued to the thread pool waited behind the requests for its
                    // turn (about 4 ms from commit to durable, for a 1 ms sync).
                    _syncer = new Thread(SyncWhileWaited) { IsBackground = true, Name = "SQLite group sync" };
                    _syncer.Start();
                }
                else
                {
                    Monitor.Pulse(_gate);
                }
            }

            return _next.Task;
        }
    }

    /// <summary>Stops the sync thread once it has synced for every commit still waiting.</summary>
    public void Dispose()
    {
        Thread? syncer;
        lock (_gate)
        {
            _disposed = true;
            syncer = _syncer;
            Monitor.Pulse(_gate);
        }

        syncer?.Join();
    }

    private void SyncWhileWaited()
    {
        while (true)
        {
            TaskCompletionSource waiting;
            lock (_gate)
            {
                while (_next is null)
                {
                    if (_disposed)
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }

                waiting = _next;
                _next = null;
            }

            SyncFor(waiting);
        }
    }

    private void SyncFor(TaskCompletionSource waiting)
    {
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

    private void SyncLog()
    {
        try
        {
            using var log = File.OpenHandle(walPath!, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            FlushData(log);
            Interlocked.Increment(ref _syncs);
        }
        catch (FileNotFoundException)
        {
            // Checkpointed and removed by the last connection to close: the commits are in the synced database file.
        }
    }

    /// <summary>
    /// On Linux <c>fdatasync</c>, as SQLite itself syncs: the log's frames and its size, without the file's other metadata
    /// (times), which <see cref="RandomAccess.FlushToDisk"/> (<c>fsync</c>) writes as well. Elsewhere the full flush.
    /// </summary>
    private static void FlushData(SafeFileHandle log)
    {
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(log);
            return;
        }

        if (FDataSync(log) != 0)
        {
            throw new IOException($"fdatasync failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FDataSync(SafeFileHandle fd);

    [LoggerMessage(Level = LogLevel.Error, Message = "Syncing the SQLite write-ahead log {WalPath} failed")]
    private static partial void LogSyncFailed(ILogger logger, string walPath, Exception exception);
}
