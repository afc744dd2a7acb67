using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.VerifyMfa;

internal sealed class VerifyMfaCommandHandler(
    IRepository<User> users,
    IRepository<TotpAuthenticator> authenticators,
    ITokenService tokens,
    SignInThrottle throttle,
    MfaCodeCheck codeCheck,
    SessionStarter sessions,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<VerifyMfaCommand, TokenResponse>
{
    public async Task<TokenResponse> Handle(VerifyMfaCommand request, CancellationToken cancellationToken)
    {
        var userId = tokens.ReadMfaChallenge(request.ChallengeToken)
            ?? throw new UnauthorizedException("invalid_challenge", "The sign-in challenge is invalid or expired; sign in again.");
        var user = await users.FirstOrDefaultAsync(new TrackedUserByIdSpec(userId), cancellationToken);
        var authenticator = await authenticators.FirstOrDefaultAsync(new TotpAuthenticatorOfUserSpec(userId), cancellationToken);
        if (user is null || !user.IsActive || authenticator is not { IsEnabled: true })
        {
            throw new UnauthorizedException("invalid_challenge", "The sign-in challenge is invalid or expired; sign in again.");
        }

        audit.Target("user", user.Id).ActAs(user.Id);
        var now = timeProvider.GetUtcNow();
        await throttle.EnterAsync(user.NormalizedEmail, now.UtcDateTime, cancellationToken);

        var outcome = codeCheck.Use(authenticator, request.Code, now);
        if (outcome is MfaCodeOutcome.Wrong or MfaCodeOutcome.Replayed)
        {
            throttle.RecordFailure(user.NormalizedEmail, now.UtcDateTime);
            audit.Describe($"Second sign-in step refused: {MfaCodeCheck.Describe(outcome)}");
            throw new UnauthorizedException("invalid_mfa_code", "The code is not valid.", persistChanges: true);
        }

        var response = sessions.Start(user, now.UtcDateTime);
        audit.Describe($"Signed in {MfaCodeCheck.Describe(outcome)}");
        return response;
    }
}
