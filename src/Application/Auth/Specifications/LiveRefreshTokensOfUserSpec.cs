using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

/// <summary>The user's refresh tokens not yet revoked, in every family (every sign-in), for logout everywhere.</summary>
public sealed class LiveRefreshTokensOfUserSpec : Specification<RefreshToken>
{
    public LiveRefreshTokensOfUserSpec(Guid userId) => Query.Where(t => t.UserId == userId && t.RevokedAt == null);
}
