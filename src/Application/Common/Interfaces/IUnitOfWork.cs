namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>One save per command. The audit behaviour wraps the handler's save and the audit row in one transaction.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every pending change (used after a failed command, before its audit row is written).</summary>
    void DiscardChanges();
}
