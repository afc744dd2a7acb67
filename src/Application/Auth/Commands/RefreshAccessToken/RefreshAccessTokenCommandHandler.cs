using MediatR;
using RiskPlatform.Application.Auth.Common;
using RiskPlatform.Application.Auth.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;
using RefreshTokenEntity = RiskPlatform.Domain.Users.RefreshToken;

namespace RiskPlatform.Application.Auth.Commands.RefreshAccessToken;

/// <summary>Spends the presented refresh token and issues a successor in its family; a spent token presented again revokes the family.</summary>
internal sealed class RefreshAccessTokenCommandHandler(
    IRepository<RefreshTokenEntity> refreshTokens,
    IReadRepository<User> users,
    ITokenService tokens,
    EndedSessionConnections endedConnections,
    AuditScope audit,
    TimeProvider timeProvider) : IRequestHandler<RefreshAccessTokenCommand, TokenResponse>
{
    public async Task<TokenResponse> Handle(RefreshAccessTokenCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var presented = await refreshTokens.FirstOrDefaultAsync(new RefreshTokenByHashSpec(tokens.HashRefreshToken(request.RefreshToken)), cancellationToken)
            ?? throw new UnauthorizedException("invalid_refresh_token", "The refresh token is invalid or expired.");

        audit.ActAs(presented.UserId).Target("refresh_token_family", presented.FamilyId);
        if (presented.SpentAt is not null)
        {
            foreach (var member in await refreshTokens.ListAsync(new LiveRefreshTokensInFamilySpec(presented.FamilyId), cancellationToken))
            {
                member.Revoke(now);
            }

            // Whoever holds the family (the owner or a thief) loses its open real-time connections too.
            endedConnections.CloseSession(presented.FamilyId);
            audit.Describe("Spent refresh token presented again; token family revoked");
            throw new UnauthorizedException("refresh_token_reused", "The refresh token is invalid or expired.", persistChanges: true);
        }

        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(presented.UserId), cancellationToken);
        if (!presented.IsUsable(now) || user is null || !user.IsActive)
        {
            throw new UnauthorizedException("invalid_refresh_token", "The refresh token is invalid or expired.");
        }

        presented.Spend(now);
        var (token, hash) = tokens.CreateRefreshToken();
        refreshTokens.Add(presented.IssueSuccessor(hash, now, tokens.RefreshTokenLifetime));
        audit.Describe("Refreshed access token");

        return new TokenResponse(
            tokens.CreateAccessToken(user.Id, user.Email, user.Role.ToString().ToLowerInvariant(), presented.FamilyId),
            token,
            "bearer",
            (int)tokens.AccessTokenLifetime.TotalSeconds);
    }
}
