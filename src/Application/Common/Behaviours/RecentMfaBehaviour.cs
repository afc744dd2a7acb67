using MediatR;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Common.Transactions;
using RiskPlatform.Domain.Auditing;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Common.Behaviours;

/// <summary>
/// Lets an <see cref="IRequiresRecentMfa"/> command of a user with an enabled authenticator through only with a valid proof
/// of a recent second factor for that user and authenticator; otherwise 403 <c>mfa.required</c>, recorded as denied. Runs
/// where the request arrived (the proof is a request header): an account command forwarded to its actor was checked before.
/// </summary>
internal sealed class RecentMfaBehaviour<TRequest, TResponse>(
    AccountActorCall actorCall,
    ICurrentUser currentUser,
    IRequestContext requestContext,
    IReadRepository<TotpAuthenticator> authenticators,
    ITokenService tokens,
    AuditWriter auditWriter,
    AfterCommitActions afterCommit) : IPipelineBehavior<TRequest, TResponse>
{
    internal const string ErrorCode = "mfa.required";

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (actorCall.IsActive || request is not IRequiresRecentMfa { RequiresRecentMfa: true } || currentUser.UserId is not { } userId)
        {
            return await next();
        }

        var started = auditWriter.Start();
        var authenticator = await authenticators.FirstOrDefaultAsync(new EnabledTotpAuthenticatorOfUserSpec(userId), cancellationToken);
        if (authenticator is null
            || (requestContext.MfaProof is { Length: > 0 } proof && tokens.ReadMfaProof(proof, authenticator.Id) == userId))
        {
            return await next();
        }

        if (!afterCommit.InCommand)
        {
            await auditWriter.RecordAloneAsync(
                AuditWriter.ActionOf(typeof(TRequest)), AuditOutcome.Denied, ErrorCode, started, "Refused: no recent second factor");
        }

        throw new ForbiddenException(
            ErrorCode,
            "This needs a recent second factor: confirm a code at POST /api/v1/auth/mfa/step-up and send its proof in the X-MFA-Proof header.");
    }
}
