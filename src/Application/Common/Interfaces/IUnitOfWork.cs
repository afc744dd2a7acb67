namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>One save per command. The audit behaviour wraps the handler's save and the audit row in one transaction.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves and commits what the running command has changed so far and leaves its transaction (and with it the trading lock),
    /// so that a call to an external broker never runs inside one. The command goes on outside any transaction; its next trading
    /// lock or save begins a new one, which the pipeline commits (or rolls back) as usual. Only inside a command.
    /// </summary>
    Task CommitSoFarAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every pending change (used after a failed command, before its audit row is written).</summary>
    void DiscardChanges();
}
