using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Commands.ConfirmTotp;

internal sealed class ConfirmTotpCommandHandler(
    IRepository<TotpAuthenticator> authenticators,
    ICurrentUser currentUser,
    ITotp totp,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<ConfirmTotpCommand, RecoveryCodesResponse>
{
    public async Task<RecoveryCodesResponse> Handle(ConfirmTotpCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var authenticator = await authenticators.FirstOrDefaultAsync(new TotpAuthenticatorOfUserSpec(userId), cancellationToken)
            ?? throw new ConflictException("mfa.not_set_up", "Set up an authenticator first (POST /api/v1/auth/mfa/totp/setup).");
        audit.Target("totp_authenticator", authenticator.Id);

        var now = timeProvider.GetUtcNow();
        var step = totp.MatchTimeStep(userId, authenticator.SealedSecret, request.Code, now)
            ?? throw new ValidationException("code", "The code does not match the authenticator; check the device's clock and try the next code.");

        var codes = RecoveryCodes.Generate(TotpAuthenticator.RecoveryCodeCount);
        authenticator.Confirm(step, [.. codes.Select(RecoveryCodes.Hash)], now.UtcDateTime);
        audit.Describe("Two-factor sign-in enabled");
        return new RecoveryCodesResponse(codes);
    }
}
