using Microsoft.IdentityModel.JsonWebTokens;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Api.Infrastructure;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var id) ? id : null;

    public Guid RequireUserId() =>
        UserId ?? throw new UnauthorizedException("unauthenticated", "Sign in to do this.");
}
