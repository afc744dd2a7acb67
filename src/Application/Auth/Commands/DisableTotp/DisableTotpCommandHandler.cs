using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Authentication;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.DisableTotp;

internal sealed class DisableTotpCommandHandler(
    CallerAuthenticatorLoader loader,
    IRepository<TotpAuthenticator> authenticators,
    IPasswordHasher passwordHasher,
    SignInThrottle throttle,
    MfaCodeCheck codeCheck,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<DisableTotpCommand, Unit>
{
    public async Task<Unit> Handle(DisableTotpCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var (user, authenticator) = await loader.LoadForCodeAsync(now.UtcDateTime, cancellationToken);

        // A wrong password spends no code (a recovery code stays usable); the refusal does not say which was wrong.
        var passwordRight = passwordHasher.Verify(user.PasswordHash, request.Password) != PasswordCheck.Failed;
        var outcome = passwordRight ? codeCheck.Use(authenticator, request.Code, now) : MfaCodeOutcome.Wrong;
        if (!passwordRight || outcome is MfaCodeOutcome.Wrong or MfaCodeOutcome.Replayed)
        {
            throttle.RecordFailure(user.NormalizedEmail, now.UtcDateTime);
            audit.Describe("Two-factor disable refused: wrong password or code");
            throw new UnauthorizedException("invalid_credentials", "The password or the code is not valid.", persistChanges: true);
        }

        authenticators.Remove(authenticator);
        audit.Describe($"Two-factor sign-in disabled {MfaCodeCheck.Describe(outcome)}");
        return Unit.Value;
    }
}
