using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// Saves the tracked changes of one command. Domain events raised by the aggregates are dispatched first, inside the same
/// save (their handlers' changes commit with the command); database conflicts become domain conflicts (HTTP 409).
/// A command's transaction may be left part-way (<see cref="CommitSoFarAsync"/>) and taken up again by its next trading lock
/// or save, so that a call to an external broker never runs inside a transaction (docs/decisions/020).
/// On SQLite a command running on its account's actor begins its transaction only at its first write (a save, or a lock other
/// than the trading lock): its reads run beside other writers instead of holding the process's one write transaction, which
/// is safe because the actor is the one writer of the account they read (docs/decisions/018).
/// A save that changes where a user's notifications go makes that user's actor forget them once it has committed
/// (<see cref="NotificationRoutingRows"/>).
/// </summary>
internal sealed partial class UnitOfWork(
    RiskPlatformDbContext dbContext,
    DomainEventDispatcher dispatcher,
    SqliteWriteGate sqliteWriter,
    SqliteGroupSync groupSync,
    AccountActorCall actorCall,
    IAccountActors accountActors,
    ILogger<UnitOfWork> logger) : IUnitOfWork
{
    private const int MaxEventRounds = 10;

    /// <summary>The running command's transaction, from its begin until its commit, rollback or disposal.</summary>
    private CommandTransaction? _command;

    /// <summary>Users whose notification routing this scope changed and has not committed yet.</summary>
    private readonly HashSet<Guid> _routingChanged = [];

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        // The events' handlers run before the command's transaction is resumed: on SQLite, before it joins the process's one
        // writer, which then holds only the statements. Nothing between here and the save changes a tracked entity.
        await DispatchDomainEventsAsync(cancellationToken);
        CollectRoutingChanges();
        await ResumeAsync(cancellationToken);

        // The events' last round has just detected every change: EF Core would otherwise scan every tracked entity twice
        // more (the stamping interceptor's entries, then the save itself), a share of an order's CPU that grew with the
        // open orders and positions it tracks.
        var inCommand = dbContext.Database.CurrentTransaction is not null;
        try
        {
            await dbContext.ChangeTracker.WithoutDetectingChangesAsync(
                () => inCommand ? dbContext.SaveChangesAsync(cancellationToken) : SaveOutsideACommandAsync(cancellationToken));
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConflictException("concurrency_conflict", "The resource was changed by another request; reload it and try again.", exception);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Matches(exception))
        {
            throw new ConflictException("duplicate", "A resource with the same unique values already exists.", exception);
        }

        if (!inCommand)
        {
            await RoutingCommittedAsync();
        }
    }

    /// <summary>
    /// A save outside any command's transaction (the outbox's claims and outcomes, the account e-mail worker) commits on its
    /// own. On SQLite it takes its turn at the process's writer like a command (docs/decisions/035): without the gate it
    /// would meet SQLite's busy handler, whose sleeping retries keep losing the writer to the commands that hand it on to
    /// each other, for seconds under load. Like a command's commit it is answered once the group sync has made it durable.
    /// </summary>
    private async Task SaveOutsideACommandAsync(CancellationToken cancellationToken)
    {
        if (!dbContext.Database.IsSqlite())
        {
            await dbContext.SaveChangesAsync(cancellationToken);
            return;
        }

        using (await sqliteWriter.EnterAsync(cancellationToken))
        {
            await dbContext.SaveChangesAsync(cancellationToken);
        }

        await groupSync.WaitDurableAsync();
    }

    public async Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (_command is not null || dbContext.Database.CurrentTransaction is not null)
        {
            return NestedTransaction.Instance;
        }

        var command = new CommandTransaction(this, dbContext.Database, sqliteWriter, groupSync);
        if (!ReadsOutsideTheWriter)
        {
            await command.BeginAsync(cancellationToken);
        }

        _command = command;
        return command;
    }

    public async Task CommitSoFarAsync(CancellationToken cancellationToken)
    {
        var command = _command ?? throw new InvalidOperationException("Only a command (inside its transaction) can commit part-way.");
        await SaveChangesAsync(cancellationToken);
        await command.CommitCurrentAsync(last: false, cancellationToken);
    }

    /// <summary>
    /// True for a command on its account's actor on SQLite: it needs the write transaction only from its first write, and the
    /// trading lock is the actor itself.
    /// </summary>
    public bool ReadsOutsideTheWriter => actorCall.IsActive && dbContext.Database.IsSqlite();

    /// <summary>
    /// For a command on its account's actor on SQLite, notes (and answers true) that its last commit leaves the group sync to
    /// the actor's caller, so the actor takes its next command while the log is synced (docs/decisions/039). A commit
    /// part-way (before a broker call) still waits here: the intent must be durable before the broker is called.
    /// </summary>
    private bool TryLeaveDurabilityToTheCaller()
    {
        if (!actorCall.IsCommand || !dbContext.Database.IsSqlite())
        {
            return false;
        }

        actorCall.LeaveDurabilityToCaller();
        return true;
    }

    /// <summary>Begins the running command's next transaction when it left its last one (<see cref="CommitSoFarAsync"/>), or
    /// its first one when it began reading outside the writer.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken) => _command?.ResumeAsync(cancellationToken) ?? Task.CompletedTask;

    public void DiscardChanges() => dbContext.ChangeTracker.Clear();

    /// <summary>
    /// Notes the users whose notification routing the pending save changes. The domain events' last round has just detected
    /// the changes (and found no further events), so the entries are read without detecting them a second time on every save.
    /// </summary>
    private void CollectRoutingChanges() =>
        dbContext.ChangeTracker.WithoutDetectingChanges(changes => NotificationRoutingRows.CollectChangedUsers(changes, _routingChanged));

    /// <summary>
    /// After a commit: the actors of the users whose notification routing it changed forget what they remember. A failure is
    /// logged, not thrown (the commit stands); that actor then routes by what it remembered until its activation ends.
    /// </summary>
    private async Task RoutingCommittedAsync()
    {
        foreach (var userId in _routingChanged)
        {
            try
            {
                await accountActors.ForgetAsync(userId, CancellationToken.None);
            }
#pragma warning disable CA1031 // The commit has happened; the caller must still get its answer.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogForgetFailed(logger, userId, exception);
            }
        }

        _routingChanged.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The account actor of {UserId} could not be told that its notification routing changed")]
    private static partial void LogForgetFailed(ILogger logger, Guid userId, Exception exception);

    /// <summary>
    /// Dispatches the events the tracked aggregates raised, round by round, as handlers may raise more. Aggregates are tracked
    /// when they are added or read, so their events are found without detecting changes; changes are detected once, when a
    /// round finds none (an entity reached only through a navigation is discovered then, and its events get a round).
    /// Detecting them in every round scanned every tracked entity twice per save.
    /// </summary>
    private async Task DispatchDomainEventsAsync(CancellationToken cancellationToken)
    {
        // Handlers may change aggregates that raise further events; a bounded number of rounds catches accidental cycles.
        for (var round = 0; round < MaxEventRounds; round++)
        {
            var events = RaisedEvents();
            if (events.Count == 0)
            {
                dbContext.ChangeTracker.DetectChanges();
                events = RaisedEvents();
                if (events.Count == 0)
                {
                    return;
                }
            }

            await dispatcher.DispatchAsync(events, cancellationToken);
        }

        throw new InvalidOperationException($"Domain events were still being raised after {MaxEventRounds} rounds.");
    }

    private List<IDomainEvent> RaisedEvents() =>
        dbContext.ChangeTracker.WithoutDetectingChanges(changes => changes.Entries<IAggregateRoot>()
            .SelectMany(entry =>
            {
                var raised = entry.Entity.DomainEvents.ToList();
                entry.Entity.ClearDomainEvents();
                return raised;
            })
            .ToList());

    /// <summary>
    /// The transaction of one command: one database transaction at a time, begun again after a commit part-way. On SQLite each
    /// joins the process's writer (instead of SQLite's sleeping busy handler) in a savepoint of the writer's group transaction,
    /// and hands the writer on as soon as it has ended; a commit then waits, without the writer, for the group's commit and
    /// for the group sync that makes it durable (docs/decisions/036).
    /// </summary>
    private sealed class CommandTransaction(UnitOfWork owner, DatabaseFacade database, SqliteWriteGate sqliteWriter, SqliteGroupSync groupSync)
        : IUnitOfWorkTransaction
    {
        /// <summary>The current transaction on a server database.</summary>
        private IDbContextTransaction? _transaction;

        /// <summary>The current transaction on SQLite: the command's savepoint in the writer's group.</summary>
        private SqliteWriteGate.GroupedCommand? _grouped;

        private bool HasCurrent => _transaction is not null || _grouped is not null;

        public async Task BeginAsync(CancellationToken cancellationToken)
        {
            if (!database.IsSqlite())
            {
                _transaction = await database.BeginTransactionAsync(cancellationToken);
                return;
            }

            _grouped = await sqliteWriter.JoinAsync(database, cancellationToken);
        }

        public Task ResumeAsync(CancellationToken cancellationToken) => HasCurrent ? Task.CompletedTask : BeginAsync(cancellationToken);

        /// <summary>
        /// Commits the current database transaction, if any, and ends it; the command's transaction goes on. On SQLite the commit
        /// is then made durable by the group sync: here, or, for the <paramref name="last"/> commit of a command on its account's
        /// actor, by the actor's caller.
        /// </summary>
        public async Task CommitCurrentAsync(bool last, CancellationToken cancellationToken)
        {
            if (_grouped is { } grouped)
            {
                _grouped = null;
                await grouped.CompleteAsync();
            }
            else if (_transaction is not null)
            {
                try
                {
                    await _transaction.CommitAsync(cancellationToken);
                }
                finally
                {
                    await EndCurrentAsync();
                }
            }
            else
            {
                return;
            }

            if (!last || !owner.TryLeaveDurabilityToTheCaller())
            {
                await groupSync.WaitDurableAsync();
            }

            await owner.RoutingCommittedAsync();
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            try
            {
                await CommitCurrentAsync(last: true, cancellationToken);
            }
            finally
            {
                owner._command = null;
            }
        }

        public async Task RollbackAsync(CancellationToken cancellationToken)
        {
            try
            {
                if (_transaction is not null)
                {
                    await _transaction.RollbackAsync(cancellationToken);
                }
            }
            finally
            {
                await EndCurrentAsync();
                owner._routingChanged.Clear();
                owner._command = null;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await EndCurrentAsync();
            }
            finally
            {
                if (ReferenceEquals(owner._command, this))
                {
                    owner._command = null;
                }
            }
        }

        /// <summary>Ends the current transaction without committing it: a grouped one rolls back to its savepoint.</summary>
        private async Task EndCurrentAsync()
        {
            var transaction = _transaction;
            var grouped = _grouped;
            _transaction = null;
            _grouped = null;
            if (grouped is not null)
            {
                grouped.Abandon();
            }
            else if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>A command sent from inside another command joins the outer transaction.</summary>
    private sealed class NestedTransaction : IUnitOfWorkTransaction
    {
        public static readonly NestedTransaction Instance = new();

        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RollbackAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
