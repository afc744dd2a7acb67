using MediatR;
using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.Common.Behaviours;

/// <summary>
/// Writes one audit row per command. The command's changes and its row commit in one transaction; when the command
/// fails or is denied, its changes are rolled back and the row is still written, saying how it ended. Once the outermost
/// command's transaction has committed, the <see cref="AfterCommitActions"/> it queued run; a rollback drops them.
/// </summary>
internal sealed class AuditBehaviour<TRequest, TResponse>(
    IUnitOfWork unitOfWork,
    IRepository<AuditLog> auditLogs,
    AuditScope auditScope,
    AfterCommitActions afterCommit,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    TimeProvider timeProvider,
    ILogger<AuditBehaviour<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommandMarker)
        {
            return await next();
        }

        var outermost = afterCommit.Enter();
        try
        {
            return await HandleInTransactionAsync(outermost, next, cancellationToken);
        }
        finally
        {
            // Whatever did not run after a commit (the command failed or was rolled back) is dropped with it.
            afterCommit.Exit();
            if (outermost)
            {
                afterCommit.Discard();
            }
        }
    }

    private async Task<TResponse> HandleInTransactionAsync(bool outermost, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        await using var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken);
        TResponse response;
        try
        {
            response = await next();
        }
        catch (Exception exception) when (exception is IPersistChangesOnFailure { PersistChanges: true })
        {
            // A refusal whose side effects must stand (a failed sign-in counted, a leaked token family revoked).
            var (outcome, errorCode) = Classify(exception);
            var committed = false;
            try
            {
                auditLogs.Add(CreateRow(outcome, errorCode, started));
                await unitOfWork.SaveChangesAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                committed = true;
            }
            catch (Exception saveException)
            {
                // The refusal still stands; what it should have recorded is lost, and that is logged, not thrown.
                await transaction.RollbackAsync(CancellationToken.None);
                unitOfWork.DiscardChanges();
                logger.LogError(saveException, "Could not record the refused {Action}", ActionName);
                await RecordFailureAsync(exception, started);
            }

            if (committed)
            {
                await RunAfterCommitAsync(outermost);
            }

            throw;
        }
        catch (Exception exception)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            unitOfWork.DiscardChanges();
            await RecordFailureAsync(exception, started);
            throw;
        }

        auditLogs.Add(auditScope.FailureCode is null
            ? CreateRow(AuditOutcome.Succeeded, errorCode: null, started)
            : CreateRow(AuditOutcome.Failed, auditScope.FailureCode, started));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await RunAfterCommitAsync(outermost);
        return response;
    }

    /// <summary>A nested command's actions wait for the outermost commit. Failures are logged inside; the command's result stands.</summary>
    private Task RunAfterCommitAsync(bool outermost) => outermost ? afterCommit.RunAsync(CancellationToken.None) : Task.CompletedTask;

    private async Task RecordFailureAsync(Exception exception, long started)
    {
        var (outcome, errorCode) = Classify(exception);
        try
        {
            auditLogs.Add(CreateRow(outcome, errorCode, started));
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception auditException)
        {
            unitOfWork.DiscardChanges();
            logger.LogError(auditException, "Could not write the audit row for failed {Action}", typeof(TRequest).Name);
        }
    }

    private AuditLog CreateRow(AuditOutcome outcome, string? errorCode, long started) => AuditLog.Record(
        userId: auditScope.ActingUserId ?? currentUser.UserId,
        action: ActionName,
        resourceType: auditScope.ResourceType,
        resourceId: auditScope.ResourceId,
        outcome: outcome,
        errorCode: errorCode,
        ipAddress: requestContext.IpAddress,
        userAgent: requestContext.UserAgent,
        traceId: requestContext.TraceId,
        durationMs: (long)timeProvider.GetElapsedTime(started).TotalMilliseconds,
        timestamp: timeProvider.GetUtcNow().UtcDateTime,
        description: auditScope.Description);

    internal static string ActionName { get; } = typeof(TRequest).Name.EndsWith("Command", StringComparison.Ordinal)
        ? typeof(TRequest).Name[..^"Command".Length]
        : typeof(TRequest).Name;

    internal static (AuditOutcome Outcome, string ErrorCode) Classify(Exception exception) => exception switch
    {
        NotFoundException { BelongsToAnotherUser: true } => (AuditOutcome.Denied, "not_found"),
        NotFoundException => (AuditOutcome.Failed, "not_found"),
        UnauthorizedException e => (AuditOutcome.Denied, e.Code),
        TooManyRequestsException e => (AuditOutcome.Denied, e.Code),
        ValidationException => (AuditOutcome.Failed, "validation_failed"),
        ServiceUnavailableException e => (AuditOutcome.Failed, e.Code),
        DomainException e => (AuditOutcome.Failed, e.Code),
        OperationCanceledException => (AuditOutcome.Failed, "cancelled"),
        _ => (AuditOutcome.Failed, "internal_error"),
    };
}
