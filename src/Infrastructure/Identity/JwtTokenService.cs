using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Identity;

/// <summary>
/// Access tokens signed by the active key of the ring (<see cref="JwtSigningKeys"/>), which names itself in the <c>kid</c>
/// header; MFA challenges under a key derived from it, and read under any key of the ring, so a rotation does not void the
/// challenges in flight.
/// </summary>
internal sealed class JwtTokenService(IOptions<JwtOptions> options, JwtSigningKeys signingKeys, TimeProvider timeProvider) : ITokenService
{
    private static readonly JsonWebTokenHandler Handler = new();
    private readonly JwtOptions _options = options.Value;
    private readonly SigningCredentials _credentials = new(signingKeys.Active, SecurityAlgorithms.HmacSha256);

    private readonly byte[] _challengeKey = ChallengeKey(signingKeys.Active);

    private readonly byte[][] _challengeKeys = [.. signingKeys.All.Select(ChallengeKey)];

    public TimeSpan AccessTokenLifetime => TimeSpan.FromMinutes(_options.AccessTokenMinutes);

    public TimeSpan RefreshTokenLifetime => TimeSpan.FromDays(_options.RefreshTokenDays);

    public TimeSpan SessionLifetime => TimeSpan.FromDays(_options.SessionMaxDays);

    public string CreateAccessToken(Guid userId, string email, string role, Guid sessionId)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + AccessTokenLifetime,
            SigningCredentials = _credentials,
            TokenType = JwtSigningKeys.AccessTokenType,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, userId.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, email),
                new Claim("role", role),
                new Claim(TokenClaims.Session, sessionId.ToString()),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
        });
    }

    public (string Token, string Hash) CreateRefreshToken()
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (token, HashRefreshToken(token));
    }

    public string HashRefreshToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    public TimeSpan MfaChallengeLifetime => TimeSpan.FromMinutes(_options.MfaChallengeMinutes);

    /// <summary>
    /// Not a JWT, so no bearer handler can mistake it for an access token: base64url of
    /// <c>1 | user id (16) | expiry in Unix seconds (8) | HMAC-SHA256 of those 25 bytes</c>, under a key derived from the
    /// signing key for this purpose only.
    /// </summary>
    public string CreateMfaChallenge(Guid userId)
    {
        Span<byte> token = stackalloc byte[ChallengeSize];
        token[0] = ChallengeVersion;
        userId.TryWriteBytes(token.Slice(1, 16));
        var expires = timeProvider.GetUtcNow() + MfaChallengeLifetime;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(token.Slice(17, 8), expires.ToUnixTimeSeconds());
        HMACSHA256.HashData(_challengeKey, token[..ChallengeBodySize], token[ChallengeBodySize..]);
        return Base64UrlEncoder.Encode(token.ToArray());
    }

    public Guid? ReadMfaChallenge(string token)
    {
        byte[] bytes;
        try
        {
            bytes = Base64UrlEncoder.DecodeBytes(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != ChallengeSize || bytes[0] != ChallengeVersion)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[32];
        var authentic = false;
        foreach (var key in _challengeKeys)
        {
            HMACSHA256.HashData(key, bytes.AsSpan(0, ChallengeBodySize), expected);
            authentic |= CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(ChallengeBodySize));
        }

        if (!authentic)
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(17, 8)));
        return expires > timeProvider.GetUtcNow() ? new Guid(bytes.AsSpan(1, 16)) : null;
    }

    private static byte[] ChallengeKey(SymmetricSecurityKey signingKey) =>
        HMACSHA256.HashData(signingKey.Key, "RiskPlatform/mfa-challenge/v1"u8);

    private const byte ChallengeVersion = 1;
    private const int ChallengeBodySize = 1 + 16 + 8;
    private const int ChallengeSize = ChallengeBodySize + 32;
}
