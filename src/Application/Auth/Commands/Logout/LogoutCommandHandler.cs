using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RefreshTokenEntity = RiskPlatform.Domain.Users.RefreshToken;

namespace RiskPlatform.Application.Auth.Commands.Logout;

internal sealed class LogoutCommandHandler(
    IRepository<RefreshTokenEntity> refreshTokens,
    ICurrentUser currentUser,
    ITokenService tokens,
    EndedSessionConnections endedConnections,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<LogoutCommand, Unit>
{
    public async Task<Unit> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var presented = await refreshTokens.FirstOrDefaultAsync(new RefreshTokenByHashSpec(tokens.HashRefreshToken(request.RefreshToken)), cancellationToken);

        // Logging out is idempotent: an unknown, foreign or already revoked token changes nothing and reveals nothing.
        if (presented is not null && presented.UserId == userId)
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            foreach (var token in await refreshTokens.ListAsync(new LiveRefreshTokensInFamilySpec(presented.FamilyId), cancellationToken))
            {
                token.Revoke(now);
            }

            audit.Target("refresh_token_family", presented.FamilyId);

            endedConnections.CloseSession(presented.FamilyId);
        }

        audit.Describe("Signed out");
        return Unit.Value;
    }
}
