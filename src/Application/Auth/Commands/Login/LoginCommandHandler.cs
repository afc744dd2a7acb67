using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Authentication;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.Login;

internal sealed class LoginCommandHandler(
    IRepository<User> users,
    IReadRepository<TotpAuthenticator> authenticators,
    IPasswordHasher passwordHasher,
    ITokenService tokens,
    SignInThrottle throttle,
    SessionStarter sessions,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<LoginCommand, LoginOutcome>
{
    public async Task<LoginOutcome> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var normalizedEmail = User.Normalize(request.Email);
        await throttle.EnterAsync(normalizedEmail, now, cancellationToken);

        var user = await users.FirstOrDefaultAsync(new UserByEmailSpec(request.Email), cancellationToken);
        audit.Target("user", user?.Id);

        // Unknown emails are verified against no hash, which spends the same hashing work: same 401, about the same time.
        var check = passwordHasher.Verify(user?.PasswordHash, request.Password);
        if (user is null || check == PasswordCheck.Failed || !user.IsActive)
        {
            throttle.RecordFailure(normalizedEmail, now);
            if (user is not null)
            {
                // The owner sees the refusal in their own audit log; the caller still cannot tell the account exists.
                audit.ActAs(user.Id);
            }

            audit.Describe("Sign-in refused");
            throw new UnauthorizedException("invalid_credentials", "Invalid email or password.", persistChanges: true);
        }

        if (check == PasswordCheck.SucceededRehashNeeded)
        {
            user.ChangePasswordHash(passwordHasher.Hash(request.Password));
        }

        if (await authenticators.AnyAsync(new EnabledTotpAuthenticatorOfUserSpec(user.Id), cancellationToken))
        {
            audit.ActAs(user.Id).Describe("Password accepted; second factor required");
            return new LoginOutcome(null, new MfaChallengeResponse(
                MfaRequired: true, tokens.CreateMfaChallenge(user.Id), (int)tokens.MfaChallengeLifetime.TotalSeconds));
        }

        var response = sessions.Start(user, now);
        audit.Describe("Signed in");
        return new LoginOutcome(response, null);
    }
}
