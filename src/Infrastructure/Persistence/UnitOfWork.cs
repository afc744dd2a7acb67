using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Infrastructure.Persistence;

/// <summary>
/// Saves the tracked changes of one command. Domain events raised by the aggregates are dispatched first, inside the same
/// save (their handlers' changes commit with the command); database conflicts become domain conflicts (HTTP 409).
/// </summary>
internal sealed class UnitOfWork(RiskPlatformDbContext dbContext, DomainEventDispatcher dispatcher, SqliteWriteGate sqliteWriter) : IUnitOfWork
{
    private const int MaxEventRounds = 10;

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        await DispatchDomainEventsAsync(cancellationToken);
        try
        {
            await dbContext.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConflictException("concurrency_conflict", "The resource was changed by another request; reload it and try again.", exception);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Matches(exception))
        {
            throw new ConflictException("duplicate", "A resource with the same unique values already exists.", exception);
        }
    }

    public async Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (dbContext.Database.CurrentTransaction is not null)
        {
            return NestedTransaction.Instance;
        }

        if (!dbContext.Database.IsSqlite())
        {
            return new EfTransaction(await dbContext.Database.BeginTransactionAsync(cancellationToken), writerLease: null);
        }

        // SQLite: wait (asynchronously) for the process's one write transaction instead of SQLite's sleeping busy handler.
        var lease = await sqliteWriter.EnterAsync(cancellationToken);
        try
        {
            return new EfTransaction(await dbContext.Database.BeginTransactionAsync(cancellationToken), lease);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public void DiscardChanges() => dbContext.ChangeTracker.Clear();

    private async Task DispatchDomainEventsAsync(CancellationToken cancellationToken)
    {
        // Handlers may change aggregates that raise further events; a bounded number of rounds catches accidental cycles.
        for (var round = 0; round < MaxEventRounds; round++)
        {
            var events = dbContext.ChangeTracker.Entries<IAggregateRoot>()
                .SelectMany(entry =>
                {
                    var raised = entry.Entity.DomainEvents.ToList();
                    entry.Entity.ClearDomainEvents();
                    return raised;
                })
                .ToList();
            if (events.Count == 0)
            {
                return;
            }

            foreach (var domainEvent in events)
            {
                await dispatcher.DispatchAsync(domainEvent, cancellationToken);
            }
        }

        throw new InvalidOperationException($"Domain events were still being raised after {MaxEventRounds} rounds.");
    }

    /// <summary>A transaction that hands on the SQLite writer lease (if it holds one) as soon as it has ended.</summary>
    private sealed class EfTransaction(IDbContextTransaction transaction, IDisposable? writerLease) : IUnitOfWorkTransaction
    {
        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            try
            {
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                writerLease?.Dispose();
            }
        }

        public async Task RollbackAsync(CancellationToken cancellationToken)
        {
            try
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            finally
            {
                writerLease?.Dispose();
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync();
            }
            finally
            {
                writerLease?.Dispose();
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
