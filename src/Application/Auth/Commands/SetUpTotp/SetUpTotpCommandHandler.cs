using MediatR;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.SetUpTotp;

internal sealed class SetUpTotpCommandHandler(
    IRepository<User> users,
    IRepository<TotpAuthenticator> authenticators,
    ICurrentUser currentUser,
    ITotp totp,
    AuditScope audit) : IRequestHandler<SetUpTotpCommand, TotpSetupResponse>
{
    public async Task<TotpSetupResponse> Handle(SetUpTotpCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var user = await users.FirstOrDefaultAsync(new TrackedUserByIdSpec(userId), cancellationToken)
            ?? throw new UnauthorizedException("invalid_token", "The account no longer exists.");
        var secret = totp.NewSecret(user.Id, user.Email);

        var authenticator = await authenticators.FirstOrDefaultAsync(new TotpAuthenticatorOfUserSpec(userId), cancellationToken);
        if (authenticator is null)
        {
            authenticator = TotpAuthenticator.Begin(userId, secret.Sealed);
            authenticators.Add(authenticator);
        }
        else
        {
            authenticator.Restart(secret.Sealed);
        }

        audit.Target("totp_authenticator", authenticator.Id).Describe("Two-factor enrolment started");
        return new TotpSetupResponse(secret.Base32, secret.OtpAuthUri);
    }
}
