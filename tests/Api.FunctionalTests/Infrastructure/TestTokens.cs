using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>Access tokens minted with the test hosts' signing key, with the lifetime, issuer and audience a test needs.</summary>
public static class TestTokens
{
    public const string Issuer = "riskplatform";
    public const string Audience = "riskplatform-clients";

    /// <param name="keyId">The <c>kid</c> header; none by default (as before the key ring).</param>
    /// <param name="tokenType">The <c>typ</c> header; the handler's default ("JWT") when null.</param>
    public static string Mint(
        Guid userId,
        string issuer,
        string audience,
        DateTime expires,
        DateTime? notBefore = null,
        bool signed = true,
        string? keyId = null,
        string? tokenType = null)
    {
        var issuedAt = notBefore ?? expires.AddMinutes(-15);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = signed
                ? new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(TestSecrets.JwtSigningKey)) { KeyId = keyId }, SecurityAlgorithms.HmacSha256)
                : null,
            TokenType = tokenType,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, userId.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, "minted@example.com"),
                new Claim("role", "user"),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
        });
    }
}
