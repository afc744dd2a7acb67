using System.Collections.Frozen;
using Microsoft.IdentityModel.Tokens;

namespace RiskPlatform.Infrastructure.Identity;

/// <summary>
/// The access tokens' HMAC-SHA256 key ring (<see cref="JwtOptions"/>): the active key signs and names itself in the token's
/// <c>kid</c> header; a token is checked against the key its <c>kid</c> names and no other. A token without <c>kid</c>
/// (signed before the ring existed) is checked against every key of the ring.
/// </summary>
public sealed class JwtSigningKeys
{
    /// <summary>The key id of <see cref="JwtOptions.SigningKey"/>, the single key of earlier configurations.</summary>
    public const string DefaultKeyId = "default";

    /// <summary>The <c>typ</c> header of the access tokens (what the JSON Web Token handler writes by default).</summary>
    public const string AccessTokenType = "JWT";

    private readonly FrozenDictionary<string, SymmetricSecurityKey> _keys;

    private JwtSigningKeys(FrozenDictionary<string, SymmetricSecurityKey> keys, string activeKeyId)
    {
        _keys = keys;
        Active = keys[activeKeyId];
    }

    public SymmetricSecurityKey Active { get; }

    public IReadOnlyCollection<SymmetricSecurityKey> All => _keys.Values;

    /// <summary>Builds the ring from options that passed <see cref="JwtOptions.SigningKeyProblem"/>.</summary>
    public static JwtSigningKeys FromOptions(JwtOptions options)
    {
        if (options.SigningKeyProblem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var keys = options.SigningKeys.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            keys[DefaultKeyId] = options.SigningKey;
        }

        return new JwtSigningKeys(
            keys.ToFrozenDictionary(p => p.Key, p => new SymmetricSecurityKey(Convert.FromBase64String(p.Value)) { KeyId = p.Key }, StringComparer.Ordinal),
            options.EffectiveActiveKeyId()!);
    }

    /// <summary>The keys a token with <paramref name="keyId"/> may be signed with: that key, none when unknown, all without one.</summary>
    public IEnumerable<SecurityKey> Resolve(string? keyId) =>
        string.IsNullOrEmpty(keyId) ? All : _keys.TryGetValue(keyId, out var key) ? [key] : [];

    /// <summary>
    /// How the bearer handler checks access tokens: HS256 only, header <c>typ</c> "JWT" only, the key from the ring by
    /// <c>kid</c>, issuer, audience and lifetime (30 s of clock skew).
    /// </summary>
    public TokenValidationParameters ValidationParameters(JwtOptions options) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = options.Issuer,
        ValidateAudience = true,
        ValidAudience = options.Audience,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        ValidateIssuerSigningKey = true,
        IssuerSigningKeyResolver = (_, _, keyId, _) => Resolve(keyId),
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidTypes = [AccessTokenType],
        NameClaimType = "sub",
        RoleClaimType = "role",
    };
}
