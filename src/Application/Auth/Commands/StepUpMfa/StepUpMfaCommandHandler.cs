using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.Auth.Commands.StepUpMfa;

/// <summary>
/// Spends a code like the second step of sign-in (once per time step, a recovery code once; wrong codes counted as failed
/// sign-ins under the same (email, address) lock) and answers with a proof bound to the user and this authenticator.
/// </summary>
internal sealed class StepUpMfaCommandHandler(
    CallerAuthenticatorLoader loader,
    ITokenService tokens,
    SignInThrottle throttle,
    MfaCodeCheck codeCheck,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<StepUpMfaCommand, MfaProofResponse>
{
    public async Task<MfaProofResponse> Handle(StepUpMfaCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var (user, authenticator) = await loader.LoadForCodeAsync(now.UtcDateTime, cancellationToken);

        var outcome = codeCheck.Use(authenticator, request.Code, now);
        if (outcome is MfaCodeOutcome.Wrong or MfaCodeOutcome.Replayed)
        {
            throttle.RecordFailure(user.NormalizedEmail, now.UtcDateTime);
            audit.Describe($"Step-up refused: {MfaCodeCheck.Describe(outcome)}");
            throw new UnauthorizedException("invalid_mfa_code", "The code is not valid.", persistChanges: true);
        }

        audit.Describe($"Second factor confirmed for sensitive operations {MfaCodeCheck.Describe(outcome)}");
        return new MfaProofResponse(tokens.CreateMfaProof(user.Id, authenticator.Id), (int)tokens.MfaProofLifetime.TotalSeconds);
    }
}
