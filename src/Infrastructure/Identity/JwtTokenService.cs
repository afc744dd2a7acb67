using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Identity;

/// <summary>
/// Access tokens signed by the active key of the ring (<see cref="JwtSigningKeys"/>), which names itself in the <c>kid</c>
/// header; MFA challenges as <see cref="SignedUserTokens"/>.
/// </summary>
internal sealed class JwtTokenService(
    IOptions<JwtOptions> options,
    JwtSigningKeys signingKeys,
    SignedUserTokens userTokens,
    TimeProvider timeProvider) : ITokenService
{
    private const string MfaChallengePurpose = "RiskPlatform/mfa-challenge/v1";
    private const string MfaProofPurpose = "RiskPlatform/mfa-proof/v1";

    private static readonly JsonWebTokenHandler Handler = new();
    private readonly JwtOptions _options = options.Value;
    private readonly SigningCredentials _credentials = new(signingKeys.Active, SecurityAlgorithms.HmacSha256);

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

    /// <summary>A <see cref="SignedUserTokens"/> token for the MFA challenge purpose alone.</summary>
    public string CreateMfaChallenge(Guid userId) =>
        userTokens.Create(MfaChallengePurpose, userId, timeProvider.GetUtcNow() + MfaChallengeLifetime);

    public Guid? ReadMfaChallenge(string token) => userTokens.Read(MfaChallengePurpose, token, timeProvider.GetUtcNow());

    public TimeSpan MfaProofLifetime => TimeSpan.FromMinutes(_options.MfaProofMinutes);

    /// <summary>A <see cref="SignedUserTokens"/> token for the step-up purpose, bound to the authenticator that gave the code.</summary>
    public string CreateMfaProof(Guid userId, Guid authenticatorId) =>
        userTokens.Create(MfaProofPurpose, userId, timeProvider.GetUtcNow() + MfaProofLifetime, authenticatorId.ToString("N"));

    public Guid? ReadMfaProof(string proof, Guid authenticatorId) =>
        userTokens.Read(MfaProofPurpose, proof, timeProvider.GetUtcNow(), authenticatorId.ToString("N"));
}
