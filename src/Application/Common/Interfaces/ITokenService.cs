namespace RiskPlatform.Application.Common.Interfaces;

public interface ITokenService
{
    TimeSpan AccessTokenLifetime { get; }

    TimeSpan RefreshTokenLifetime { get; }

    /// <summary>The absolute lifetime of one sign-in (a refresh-token family), however often it is refreshed.</summary>
    TimeSpan SessionLifetime { get; }

    /// <summary>An access token; its <c>sid</c> claim is <paramref name="sessionId"/>, the refresh-token family it belongs to.</summary>
    string CreateAccessToken(Guid userId, string email, string role, Guid sessionId);

    /// <summary>A new opaque refresh token: the plain value for the client and its hash for storage.</summary>
    (string Token, string Hash) CreateRefreshToken();

    string HashRefreshToken(string token);

    /// <summary>How long a password-accepted sign-in waits for its second factor.</summary>
    TimeSpan MfaChallengeLifetime { get; }

    /// <summary>A signed, short-lived token saying "this user's password was right"; it is not an access token.</summary>
    string CreateMfaChallenge(Guid userId);

    /// <summary>The user a challenge token was issued to; null when it is malformed, forged or expired.</summary>
    Guid? ReadMfaChallenge(string token);

    /// <summary>How long a step-up proof of a second factor stays valid.</summary>
    TimeSpan MfaProofLifetime { get; }

    /// <summary>A signed, short-lived proof that this user gave a code of <paramref name="authenticatorId"/> just now.</summary>
    string CreateMfaProof(Guid userId, Guid authenticatorId);

    /// <summary>The user a proof was issued to for <paramref name="authenticatorId"/>; null when malformed, forged, expired or for another authenticator.</summary>
    Guid? ReadMfaProof(string proof, Guid authenticatorId);
}
