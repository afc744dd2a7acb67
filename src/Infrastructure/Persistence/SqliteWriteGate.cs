using System.Data;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Infrastructure.Persistence.Interceptors;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// SQLite has one writer per database. Without this gate, concurrent write transactions of the process meet SQLite's busy
/// handler, which sleeps the waiting thread in steps of up to 150 ms: multi-second tails under load. Here they queue instead,
/// asynchronously and in arrival order, for the one process-wide write transaction.
/// </summary>
/// <remarks>
/// <para>
/// Group commit (docs/decisions/036): a command's transaction <see cref="JoinAsync">joins</see> the writer's own transaction on
/// the writer's own connection, inside a savepoint of its own. When the command ends it releases its savepoint (or rolls back
/// to it) and hands the writer on; the transaction is committed by the last of the commands that queued behind each other
/// (nobody else waiting), or once it holds <see cref="DatabaseOptions.SqliteGroupCommitMaxCommands"/> commands or has been
/// open for <see cref="DatabaseOptions.SqliteGroupCommitMaxAge"/>. Each command is answered only after that commit, so what a
/// command acknowledges is committed, and a failed commit fails every command of the group before any was answered.
/// </para>
/// <para>
/// One commit writes the pages the commands share (the tables' last pages, their indexes) once, and the writer's connection
/// keeps its page cache between transactions, since no other connection of the process writes.
/// </para>
/// </remarks>
internal sealed partial class SqliteWriteGate : IDisposable
{
    /// <summary>How long a command may wait for the writer before it is answered 503 (no pool thread sleeps meanwhile).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private const string UnitSavepoint = "riskplatform_command";

    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly DatabaseOptions _options;
    private readonly ILogger<SqliteWriteGate> _logger;

    /// <summary>Holders and waiters of the writer: an open group is committed when the last of them leaves.</summary>
    private int _queued;

    // The group: touched only by the holder of the writer.
    private SqliteConnection? _connection;
    private SqliteTransaction? _group;
    private TaskCompletionSource? _groupCommitted;
    private int _groupCommands;
    private long _groupOpenedAt;

    public SqliteWriteGate(IOptions<DatabaseOptions> options, ILogger<SqliteWriteGate> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>How many group transactions have been committed (each carrying one or more commands).</summary>
    public long GroupsCommitted { get; private set; }

    /// <summary>How many commands have been committed in groups.</summary>
    public long CommandsCommitted { get; private set; }

    /// <summary>Holders and waiters of the writer right now.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>
    /// Waits for the writer, for a write of its own on its own connection (a save outside any command); dispose the lease to
    /// hand it on. An open group is committed first, so the write never waits behind uncommitted work of others.
    /// </summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await WaitForTheWriterAsync(cancellationToken);
        CommitGroup();
        return new Lease(this);
    }

    /// <summary>
    /// For a write outside any command (a set-based UPDATE of a background worker): its turn at the writer on SQLite, and
    /// nothing to wait for on a server database, which has no single writer.
    /// </summary>
    public async Task<IDisposable> EnterForAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        database.IsSqlite() ? await EnterAsync(cancellationToken) : NoLease.Instance;

    /// <summary>
    /// Waits for the writer and joins <paramref name="database"/>'s context to the group transaction, inside a savepoint of
    /// its own: the context runs on the writer's connection until the returned command transaction ends.
    /// </summary>
    public async Task<GroupedCommand> JoinAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await WaitForTheWriterAsync(cancellationToken);
        var connectionString = database.GetConnectionString();
        try
        {
            var group = OpenGroup(connectionString!);
            group.Save(UnitSavepoint);
            _groupCommands++;
            await database.CloseConnectionAsync();
            database.SetDbConnection(_connection, contextOwnsConnection: false);
            await database.UseTransactionAsync(group, cancellationToken);
            return new GroupedCommand(this, database, connectionString!);
        }
        catch (Exception exception)
        {
            RestoreConnection(database, connectionString);
            FailGroup(exception);
            Leave();
            throw;
        }
    }

    public void Dispose()
    {
        _group?.Dispose();
        _connection?.Dispose();
        _writer.Dispose();
    }

    private async Task WaitForTheWriterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queued);
        bool entered;
        try
        {
            entered = await _writer.WaitAsync(MaxWait, cancellationToken);
        }
        catch
        {
            await GiveUpWaitingAsync();
            throw;
        }

        if (!entered)
        {
            await GiveUpWaitingAsync();
            throw new ServiceUnavailableException("database_busy", "The database is busy; try again.") { RetryAfter = TimeSpan.FromSeconds(1) };
        }
    }

    /// <summary>
    /// A waiter that gives up may have been the one a group was kept open for: it takes the writer (without a deadline, as a
    /// group never stays open long) to commit that group before it goes.
    /// </summary>
    private async Task GiveUpWaitingAsync()
    {
        if (Interlocked.Decrement(ref _queued) != 0)
        {
            return;
        }

        Interlocked.Increment(ref _queued);
        await _writer.WaitAsync(CancellationToken.None);
        CommitGroup();
        Leave();
    }

    private SqliteTransaction OpenGroup(string connectionString)
    {
        if (_group is not null)
        {
            return _group;
        }

        if (_connection is null)
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            using (var settings = connection.CreateCommand())
            {
                settings.CommandText = SqliteConnectionSettings.PragmasFor(_options.SqliteSynchronous);
                settings.ExecuteNonQuery();
            }

            _connection = connection;
        }

        _group = _connection.BeginTransaction(deferred: false);
        _groupCommitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _groupCommands = 0;
        _groupOpenedAt = Stopwatch.GetTimestamp();
        return _group;
    }

    /// <summary>Hands the writer on; the last to leave, or a group that is full or old enough, commits the group first.</summary>
    private void Leave()
    {
        try
        {
            var waiting = Interlocked.Decrement(ref _queued);
            if (_group is not null
                && (waiting == 0
                    || _groupCommands >= _options.SqliteGroupCommitMaxCommands
                    || Stopwatch.GetElapsedTime(_groupOpenedAt) >= _options.SqliteGroupCommitMaxAge))
            {
                CommitGroup();
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Commits the open group, if any. A failure is logged and handed to the group's commands (none of them has been
    /// answered yet), not thrown: whoever commits is only handing the writer on.
    /// </summary>
    private void CommitGroup()
    {
        var group = _group;
        var committed = _groupCommitted;
        if (group is null || committed is null)
        {
            return;
        }

        var commands = _groupCommands;
        _group = null;
        _groupCommitted = null;
        _groupCommands = 0;
        try
        {
            group.Commit();
            GroupsCommitted++;
            CommandsCommitted += commands;
            committed.SetResult();
        }
#pragma warning disable CA1031 // Handed to the group's commands, which answer 503.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogGroupCommitFailed(_logger, commands, exception);
            committed.SetException(Unavailable(exception));
            DropConnection();
        }
        finally
        {
            group.Dispose();
        }
    }

    /// <summary>The group's transaction is gone (SQLite rolled it back, or it could not be begun): its commands fail.</summary>
    private void FailGroup(Exception exception)
    {
        if (_group is not null && _connection is not null && !InTransaction(_connection))
        {
            LogGroupLost(_logger, _groupCommands, exception);
            _groupCommitted?.SetException(Unavailable(exception));
            _group.Dispose();
            _group = null;
            _groupCommitted = null;
            _groupCommands = 0;
        }
    }

    private void DropConnection()
    {
        _connection?.Dispose();
        _connection = null;
    }

    private static bool InTransaction(SqliteConnection connection) =>
        connection.State == ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;

    private static ServiceUnavailableException Unavailable(Exception exception) =>
        new("database_unavailable", "The database could not commit the write; try again.", exception) { RetryAfter = TimeSpan.FromSeconds(1) };

    /// <summary>Gives the context back its own connection (a new one from the driver's pool), if it is on the writer's.</summary>
    private void RestoreConnection(DatabaseFacade database, string? connectionString)
    {
        if (_connection is null || !ReferenceEquals(database.GetDbConnection(), _connection))
        {
            return;
        }

        database.UseTransaction(null);
        database.SetDbConnection(null, contextOwnsConnection: true);
        database.SetConnectionString(connectionString);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Committing a SQLite group transaction of {Commands} commands failed; they are answered 503")]
    private static partial void LogGroupCommitFailed(ILogger logger, int commands, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite rolled back a group transaction of {Commands} commands; they are answered 503")]
    private static partial void LogGroupLost(ILogger logger, int commands, Exception exception);

    /// <summary>
    /// A command's part of the group: its savepoint on the writer's connection. <see cref="CompleteAsync"/> releases it, hands
    /// the writer on and waits for the group's commit; <see cref="Abandon"/> rolls back to it and hands the writer on.
    /// </summary>
    internal sealed class GroupedCommand(SqliteWriteGate gate, DatabaseFacade database, string connectionString)
    {
        private bool _ended;

        /// <summary>Keeps the command's changes in the group and waits until the group has committed.</summary>
        public Task CompleteAsync()
        {
            Task committed;
            try
            {
                var group = gate._group ?? throw new InvalidOperationException("The group transaction ended before its command.");
                committed = gate._groupCommitted!.Task;
                group.Release(UnitSavepoint);
            }
            catch (Exception exception)
            {
                End(exception);
                throw;
            }

            End(null);
            return committed;
        }

        /// <summary>Drops the command's changes (the rest of the group stands) and hands the writer on.</summary>
        public void Abandon()
        {
            if (_ended)
            {
                return;
            }

            try
            {
                if (gate._group is { } group && InTransaction(gate._connection!))
                {
                    group.Rollback(UnitSavepoint);
                    group.Release(UnitSavepoint);
                }
            }
            catch (Exception exception)
            {
                End(exception);
                return;
            }

            End(null);
        }

        private void End(Exception? failure)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            try
            {
                gate.RestoreConnection(database, connectionString);
            }
            finally
            {
                if (failure is not null)
                {
                    gate.FailGroup(failure);
                }

                gate.Leave();
            }
        }
    }

    private sealed class Lease(SqliteWriteGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Leave();
            }
        }
    }

    private sealed class NoLease : IDisposable
    {
        public static readonly NoLease Instance = new();

        public void Dispose()
        {
        }
    }
}
