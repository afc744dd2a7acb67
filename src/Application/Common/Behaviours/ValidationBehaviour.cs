using FluentValidation;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Domain.Auditing;

namespace RiskPlatform.Application.Common.Behaviours;

/// <summary>
/// Runs every validator of the request; any failure stops the request with a 400 naming the fields. A command rejected
/// here never reaches the audit behaviour, so its <c>failed</c> row (error code <c>validation_failed</c>, the field names
/// only, never their values) is written here, alone.
/// </summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(
    IEnumerable<IValidator<TRequest>> validators,
    AuditWriter auditWriter,
    AfterCommitActions afterCommit) : IPipelineBehavior<TRequest, TResponse>
{
    internal const string ErrorCode = "validation_failed";

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = auditWriter.Start();
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            var exception = new Exceptions.ValidationException(failures);

            // A nested command's failure reaches the outer command, whose own row records it.
            if (request is ICommandMarker && !afterCommit.InCommand)
            {
                await auditWriter.RecordAloneAsync(
                    AuditWriter.ActionOf(typeof(TRequest)),
                    AuditOutcome.Failed,
                    ErrorCode,
                    started,
                    Describe(exception));
            }

            throw exception;
        }

        return await next();
    }

    /// <summary>The rejected fields by wire name. Never the messages: a message may quote the value (and values may be secrets).</summary>
    private static string Describe(Exceptions.ValidationException exception) =>
        "Rejected fields: " + string.Join(", ", exception.Errors.Keys.Order(StringComparer.Ordinal));
}
