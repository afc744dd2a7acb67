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

    public void Add(string action, AuditOutcome outcome, string? errorCode, long started, string? description = null) =>
        auditLogs.Add(AuditLog.Record(
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
            description: description ?? auditScope.Description));

    /// <summary>
    /// Adds one row and saves it on its own. Never throws: the request's own outcome stands, and a row that could not be
    /// written is logged instead.
    /// </summary>
    public async Task RecordAloneAsync(string action, AuditOutcome outcome, string? errorCode, long started, string? description = null)
    {
        try
        {
            Add(action, outcome, errorCode, started, description);
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            unitOfWork.DiscardChanges();
            logger.LogError(exception, "Could not write the audit row for {Action} ({Outcome})", action, outcome);
        }
    }
}
