using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Common;

/// <summary>
/// The signed-in caller about to present a code of their enabled authenticator (step-up, disable): loads the account and the
/// authenticator (409 <c>mfa.not_enabled</c> without one), aims the audit row at the authenticator and takes the sign-in
/// throttle's (email, address) lock, so wrong codes are counted like wrong passwords.
/// </summary>
public sealed class CallerAuthenticatorLoader(
    IRepository<User> users,
    IRepository<TotpAuthenticator> authenticators,
    ICurrentUser currentUser,
    SignInThrottle throttle,
    AuditScope audit)
{
    public async Task<(User User, TotpAuthenticator Authenticator)> LoadForCodeAsync(DateTime now, CancellationToken cancellationToken)
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
        await throttle.EnterAsync(user.NormalizedEmail, now, cancellationToken);
        return (user, authenticator);
    }
}
