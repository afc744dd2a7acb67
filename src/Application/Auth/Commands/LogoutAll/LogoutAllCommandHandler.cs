using System.Globalization;
using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RefreshTokenEntity = RiskPlatform.Domain.Users.RefreshToken;

namespace RiskPlatform.Application.Auth.Commands.LogoutAll;

internal sealed class LogoutAllCommandHandler(
    IRepository<RefreshTokenEntity> refreshTokens,
    ICurrentUser currentUser,
    EndedSessionConnections endedConnections,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<LogoutAllCommand, Unit>
{
    public async Task<Unit> Handle(LogoutAllCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var live = await refreshTokens.ListAsync(new LiveRefreshTokensOfUserSpec(userId), cancellationToken);
        foreach (var token in live)
        {
            token.Revoke(now);
        }

        audit.Target("user", userId).Describe(string.Create(
            CultureInfo.InvariantCulture, $"Signed out everywhere ({live.Select(t => t.FamilyId).Distinct().Count()} sign-ins ended)"));

        endedConnections.CloseAllOf(userId);
        return Unit.Value;
    }
}
