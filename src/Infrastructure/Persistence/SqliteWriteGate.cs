using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using RiskPlatform.Application.Common.Exceptions;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// SQLite has one writer per database. Without this gate, concurrent write transactions of the process meet SQLite's busy
/// handler, which sleeps the waiting thread in steps of up to 150 ms: multi-second tails under load. Here they queue instead,
/// asynchronously and in arrival order, for the one process-wide write transaction.
/// </summary>
internal sealed class SqliteWriteGate : IDisposable
{
    /// <summary>How long a command may wait for the writer before it is answered 503 (no pool thread sleeps meanwhile).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Waits for the write transaction; dispose the lease to hand it on.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _writer.WaitAsync(MaxWait, cancellationToken))
        {
            throw new ServiceUnavailableException("database_busy", "The database is busy; try again.") { RetryAfter = TimeSpan.FromSeconds(1) };
        }

        return new Lease(_writer);
    }

    /// <summary>
    /// For a write outside any command (a set-based UPDATE of a background worker): its turn at the writer on SQLite, and
    /// nothing to wait for on a server database, which has no single writer.
    /// </summary>
    public async Task<IDisposable> EnterForAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        database.IsSqlite() ? await EnterAsync(cancellationToken) : NoLease.Instance;

    public void Dispose() => _writer.Dispose();

    private sealed class NoLease : IDisposable
    {
        public static readonly NoLease Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Lease(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writer.Release();
            }
        }
    }
}
