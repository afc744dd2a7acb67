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

    public Task RollbackAsync(CancellationToken cancellationToken)
    {
        journal.Record("rollback");
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        journal.Record("dispose-transaction");
        return ValueTask.CompletedTask;
    }
}
