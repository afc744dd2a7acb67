using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.UnitTests.Support;

/// <summary>A transaction that only records what was done with it.</summary>
internal sealed class RecordingTransaction(Journal journal) : IUnitOfWorkTransaction
{
    public Task CommitAsync(CancellationToken cancellationToken)
    {
        journal.Record("commit");
        return Task.CompletedTask;
    }

    /// <summary>When set, the rollback fails with it (as it does when the connection died with the database).</summary>
    public Exception? RollbackFailure { get; set; }

    public Task RollbackAsync(CancellationToken cancellationToken)
    {
        journal.Record("rollback");
        return RollbackFailure is null ? Task.CompletedTask : Task.FromException(RollbackFailure);
    }

    public ValueTask DisposeAsync()
    {
        journal.Record("dispose-transaction");
        return ValueTask.CompletedTask;
    }
}
