namespace RiskPlatform.Application.Common.Interfaces;

public interface ITokenService
{
    TimeSpan AccessTokenLifetime { get; }

    TimeSpan RefreshTokenLifetime { get; }

    /// <summary>The absolute lifetime of one sign-in (a refresh-token family), however often it is refreshed.</summary>
    TimeSpan SessionLifetime { get; }

    string CreateAccessToken(Guid userId, string email, string role);

    /// <summary>A new opaque refresh token: the plain value for the client and its hash for storage.</summary>
    (string Token, string Hash) CreateRefreshToken();

    string HashRefreshToken(string token);
}
