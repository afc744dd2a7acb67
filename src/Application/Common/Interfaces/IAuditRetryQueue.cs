using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Audit rows whose write failed (the database was away), kept in memory and written again in the background until they
/// land; never dropped silently (docs/decisions/024).
/// </summary>
public interface IAuditRetryQueue
{
    /// <summary>False when the queue is full: the caller logs the row itself at error level.</summary>
    bool TryEnqueue(AuditLog row);
}
