using Ardalis.Specification;
using RiskPlatform.Domain.Users;

namespace RiskPlatform.Application.Auth.Specifications;

/// <summary>Every refresh token of the sign-ins whose absolute end is before a time (served by <c>ix_refresh_tokens_session_end</c>).</summary>
public sealed class RefreshTokensOfSessionsEndedBeforeSpec : Specification<RefreshToken>
{
    public RefreshTokensOfSessionsEndedBeforeSpec(DateTime before) => Query.Where(t => t.SessionExpiresAt < before);
}
