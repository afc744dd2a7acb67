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
/// Queries write no row, except a <c>denied</c> one when they reach another user's resource.
/// </summary>
internal sealed class AuditBehaviour<TRequest, TResponse>(
    IUnitOfWork unitOfWork,
    AuditWriter auditWriter,
    AuditScope auditScope,
    AfterCommitActions afterCommit,
    ILogger<AuditBehaviour<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommandMarker)
        {
            return await HandleQueryAsync(next);
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

    /// <summary>
    /// A query writes nothing, unless it was denied: another user's resource (a 404 to the caller) leaves one
    /// <c>denied</c> row, saved alone. Inside a command the exception reaches that command's own row instead.
    /// </summary>
    private async Task<TResponse> HandleQueryAsync(RequestHandlerDelegate<TResponse> next)
    {
        var started = auditWriter.Start();
        try
        {
            return await next();
        }
        catch (NotFoundException exception) when (exception.BelongsToAnotherUser && !afterCommit.InCommand)
        {
            var (outcome, errorCode) = Classify(exception);
            await auditWriter.RecordAloneAsync(ActionName, outcome, errorCode, started);
            throw;
        }
    }

    private async Task<TResponse> HandleInTransactionAsync(bool outermost, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var started = auditWriter.Start();
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
                await unitOfWork.SaveChangesAsync(CancellationToken.None);
                await auditWriter.AppendAsync(ActionName, outcome, errorCode, started);
                await unitOfWork.SaveChangesAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                committed = true;
            }
            catch (Exception saveException)
            {
                // The refusal still stands; what it should have recorded is lost, and that is logged, not thrown.
                await RollbackAsync(transaction);
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
            await RollbackAsync(transaction);
            unitOfWork.DiscardChanges();
            await RecordFailureAsync(exception, started);
            throw;
        }

        if (auditScope.FailureCode is null && !auditScope.IsUnremarkable)
        {
            await auditWriter.AppendAsync(ActionName, AuditOutcome.Succeeded, errorCode: null, started);
        }
        else if (auditScope.FailureCode is not null)
        {
            await auditWriter.AppendAsync(ActionName, AuditOutcome.Failed, auditScope.FailureCode, started);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await RunAfterCommitAsync(outermost);
        return response;
    }

    /// <summary>
    /// Rolls back after a failure without letting the rollback's own failure replace it: when the database went away (the
    /// usual reason both fail), the caller must see the original exception (a 503), not a 500 from the rollback. The
    /// failure row that follows is written alone and logs its own failure (<see cref="AuditWriter.RecordAloneAsync"/>).
    /// </summary>
    private async Task RollbackAsync(IUnitOfWorkTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception rollbackException)
        {
            logger.LogWarning(rollbackException, "Could not roll back the failed {Action}", ActionName);
        }
    }

    /// <summary>A nested command's actions wait for the outermost commit. Failures are logged inside; the command's result stands.</summary>
    private Task RunAfterCommitAsync(bool outermost) => outermost ? afterCommit.RunAsync(CancellationToken.None) : Task.CompletedTask;

    private Task RecordFailureAsync(Exception exception, long started)
    {
        var (outcome, errorCode) = Classify(exception);
        return auditWriter.RecordAloneAsync(ActionName, outcome, errorCode, started);
    }

    internal static string ActionName { get; } = AuditWriter.ActionOf(typeof(TRequest));

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
