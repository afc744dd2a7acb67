using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.Common.Auditing;

/// <summary>
/// Builds audit rows from the request's context (who, from where, which trace, what the handler targeted) and, for
/// requests that end before or outside a command's transaction, writes one alone in its own save.
/// </summary>
public sealed class AuditWriter(
    IUnitOfWork unitOfWork,
    IRepository<AuditLog> auditLogs,
    AuditScope auditScope,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    IAuditChain chain,
    IAuditRetryQueue retryQueue,
    TimeProvider timeProvider,
    ILogger<AuditWriter> logger)
{
    /// <summary>The action recorded for a request type: its name without the <c>Command</c> or <c>Query</c> suffix.</summary>
    public static string ActionOf(Type requestType)
    {
        ArgumentNullException.ThrowIfNull(requestType);
        foreach (var suffix in (string[])["Command", "Query"])
        {
            if (requestType.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return requestType.Name[..^suffix.Length];
            }
        }

        return requestType.Name;
    }

    public long Start() => timeProvider.GetTimestamp();

    /// <summary>
    /// Builds the row, links it into its chain and adds it; the caller saves and commits. Save the command's own changes
    /// first, so that the chain's lock is taken after them and held only while the row is inserted and committed.
    /// </summary>
    public async Task AppendAsync(string action, AuditOutcome outcome, string? errorCode, long started, string? description = null)
    {
        var row = Build(action, outcome, errorCode, started, description);
        await chain.LinkAsync(row, CancellationToken.None);
        auditLogs.Add(row);
    }

    private AuditLog Build(string action, AuditOutcome outcome, string? errorCode, long started, string? description) =>
        AuditLog.Record(
            userId: auditScope.ActingUserId ?? currentUser.UserId,
            action: action,
            resourceType: auditScope.ResourceType,
            resourceId: auditScope.ResourceId,
            outcome: outcome,
            errorCode: errorCode,
            ipAddress: requestContext.IpAddress,
            userAgent: requestContext.UserAgent,
            traceId: requestContext.TraceId,
            durationMs: (long)timeProvider.GetElapsedTime(started).TotalMilliseconds,
            timestamp: timeProvider.GetUtcNow().UtcDateTime,
            description: description ?? auditScope.Description);

    /// <summary>
    /// Writes one row in a transaction of its own. Never throws: the request's own outcome stands. A row that could not be
    /// written is logged at error level and handed to the retry queue, which writes it once the database is back.
    /// </summary>
    public async Task RecordAloneAsync(string action, AuditOutcome outcome, string? errorCode, long started, string? description = null)
    {
        var row = Build(action, outcome, errorCode, started, description);
        try
        {
            await WriteAloneAsync(row, CancellationToken.None);
        }
        catch (Exception exception)
        {
            unitOfWork.DiscardChanges();
            row.Unlink();
            var queued = retryQueue.TryEnqueue(row);
            logger.LogError(
                exception,
                "Could not write the audit row {AuditId} for {Action} ({Outcome}, {ErrorCode}) by {UserId} at {Timestamp:O}; {RetryState}",
                row.Id, action, outcome, errorCode, row.UserId, row.Timestamp, queued ? "queued for retry" : "retry queue full, row lost");
        }
    }

    /// <summary>Links and inserts <paramref name="row"/> in its own transaction (also used by the retry queue's writer).</summary>
    public async Task WriteAloneAsync(AuditLog row, CancellationToken cancellationToken)
    {
        await using var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken);
        await chain.LinkAsync(row, cancellationToken);
        auditLogs.Add(row);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
