using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Users;
using MediatR;

namespace RiskPlatform.Application.Auth.Commands.StepUpMfa;

/// <summary>
/// Spends a code like the second step of sign-in (once per time step, a recovery code once; wrong codes counted as failed
/// sign-ins under the same (email, address) lock) and answers with a proof bound to the user and this authenticator.
/// </summary>
internal sealed class StepUpMfaCommandHandler(
    IRepository<User> users,
    IRepository<TotpAuthenticator> authenticators,
    ICurrentUser currentUser,
    ITokenService tokens,
    SignInThrottle throttle,
    MfaCodeCheck codeCheck,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<StepUpMfaCommand, MfaProofResponse>
{
    public async Task<MfaProofResponse> Handle(StepUpMfaCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var user = await users.FirstOrDefaultAsync(new TrackedUserByIdSpec(userId), cancellationToken)
            ?? throw new UnauthorizedException("invalid_token", "The account no longer exists.");
        var authenticator = await authenticators.FirstOrDefaultAsync(new TotpAuthenticatorOfUserSpec(userId), cancellationToken);
        if (authenticator is not { IsEnabled: true })
        {
            throw new ConflictException("mfa.not_enabled", "Two-factor sign-in is not enabled.");
        }

        audit.Target("totp_authenticator", authenticator.Id);
        var now = timeProvider.GetUtcNow();
        await throttle.EnterAsync(user.NormalizedEmail, now.UtcDateTime, cancellationToken);

        var outcome = codeCheck.Use(authenticator, request.Code, now);
        if (outcome is MfaCodeOutcome.Wrong or MfaCodeOutcome.Replayed)
        {
            throttle.RecordFailure(user.NormalizedEmail, now.UtcDateTime);
            audit.Describe($"Step-up refused: {MfaCodeCheck.Describe(outcome)}");
            throw new UnauthorizedException("invalid_mfa_code", "The code is not valid.", persistChanges: true);
        }

        audit.Describe($"Second factor confirmed for sensitive operations {MfaCodeCheck.Describe(outcome)}");
        return new MfaProofResponse(tokens.CreateMfaProof(userId, authenticator.Id), (int)tokens.MfaProofLifetime.TotalSeconds);
    }
}
