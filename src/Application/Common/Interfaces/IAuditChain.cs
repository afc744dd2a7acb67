using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Links a new audit row into a tamper-evident chain: reads its chain's head under a transaction-scoped lock and keys the
/// row's hash to it. Call inside the transaction that inserts the row, after the command's own writes.
/// </summary>
public interface IAuditChain
{
    Task LinkAsync(AuditLog row, CancellationToken cancellationToken);
}
