using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Common;

/// <summary>Ends a successful sign-in (password, or password and second factor): records it, starts a refresh-token family, issues the pair.</summary>
public sealed class SessionStarter(IRepository<RefreshToken> refreshTokens, ITokenService tokens, AuditScope audit)
{
    public TokenResponse Start(User user, DateTime now)
    {
        user.RecordLogin(now);
        var (refreshToken, refreshHash) = tokens.CreateRefreshToken();
        var familyId = Guid.CreateVersion7();
        refreshTokens.Add(RefreshToken.StartSession(user.Id, familyId, refreshHash, now, tokens.RefreshTokenLifetime, tokens.SessionLifetime));
        audit.ActAs(user.Id);

        return new TokenResponse(
            tokens.CreateAccessToken(user.Id, user.Email, user.Role.ToString().ToLowerInvariant(), familyId),
            refreshToken,
            "bearer",
            (int)tokens.AccessTokenLifetime.TotalSeconds);
    }
}
