namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>The signed-in caller, if any.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    /// <summary>The caller's id; throws <see cref="Exceptions.UnauthorizedException"/> for an anonymous caller.</summary>
    Guid RequireUserId();
}
