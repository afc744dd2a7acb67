using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace RiskPlatform.Infrastructure.Identity;

/// <summary>
/// Section <c>Jwt</c>. Access tokens are signed with HMAC-SHA256 under one key of a ring: <see cref="SigningKeys"/> by key id
/// (<c>kid</c>), the one named by <see cref="ActiveKeyId"/> signing, every one of them verifying, so a key is rotated by adding
/// the new one, making it active, and removing the old one once the tokens it signed have expired. <see cref="SigningKey"/>, the
/// single key of earlier configurations, still works: it joins the ring as <see cref="JwtSigningKeys.DefaultKeyId"/>. Every key
/// is base64 of at least 32 random bytes.
/// </summary>
public sealed partial class JwtOptions
{
    public const string SectionName = "Jwt";

    [Required]
    public string Issuer { get; set; } = "riskplatform";

    [Required]
    public string Audience { get; set; } = "riskplatform-clients";

    /// <summary>A single signing key (kid <see cref="JwtSigningKeys.DefaultKeyId"/>); optional when <see cref="SigningKeys"/> is set.</summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>The key ring by key id (1–64 of <c>A–Z a–z 0–9 . _ -</c>).</summary>
    public Dictionary<string, string> SigningKeys { get; set; } = [];

    /// <summary>The key id that signs new tokens; may be left out when the ring holds one key.</summary>
    public string? ActiveKeyId { get; set; }

    [Range(1, 60)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 90)]
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>Absolute lifetime of a sign-in: no refresh extends a session beyond it.</summary>
    [Range(1, 365)]
    public int SessionMaxDays { get; set; } = 30;

    /// <summary>How long a sign-in whose password was right waits for its second-factor code.</summary>
    [Range(1, 15)]
    public int MfaChallengeMinutes { get; set; } = 5;

    /// <summary>How long a step-up proof (<c>POST /auth/mfa/step-up</c>) lets a user with a second factor do sensitive operations.</summary>
    [Range(1, 60)]
    public int MfaProofMinutes { get; set; } = 5;

    /// <summary>True when no signing key at all is configured (neither <see cref="SigningKey"/> nor <see cref="SigningKeys"/>).</summary>
    public bool HasNoSigningKey => string.IsNullOrWhiteSpace(SigningKey) && SigningKeys.Count == 0;

    public static bool IsValidSigningKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 32;
    }

    /// <summary>What is wrong with the signing keys, naming the setting; null when they form a valid ring.</summary>
    public string? SigningKeyProblem()
    {
        if (HasNoSigningKey)
        {
            return "Jwt:SigningKey (or Jwt:SigningKeys:<kid> with Jwt:ActiveKeyId) is required: base64 of at least 32 random bytes.";
        }

        if (!string.IsNullOrWhiteSpace(SigningKey) && !IsValidSigningKey(SigningKey))
        {
            return "Jwt:SigningKey must be base64 of at least 32 random bytes.";
        }

        if (!string.IsNullOrWhiteSpace(SigningKey) && SigningKeys.ContainsKey(JwtSigningKeys.DefaultKeyId))
        {
            return $"Jwt:SigningKeys:{JwtSigningKeys.DefaultKeyId} and Jwt:SigningKey name the same key id; keep one of them.";
        }

        foreach (var (kid, key) in SigningKeys)
        {
            if (!KeyIdPattern().IsMatch(kid))
            {
                return "Jwt:SigningKeys: a key id is 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'.";
            }

            if (!IsValidSigningKey(key))
            {
                return $"Jwt:SigningKeys:{kid} must be base64 of at least 32 random bytes.";
            }
        }

        return EffectiveActiveKeyId() is { } active && KeyIds().Contains(active, StringComparer.Ordinal)
            ? null
            : ActiveKeyId is null
                ? "Jwt:ActiveKeyId is required when Jwt:SigningKeys holds several keys."
                : $"Jwt:ActiveKeyId '{ActiveKeyId}' names no key of Jwt:SigningKeys.";
    }

    /// <summary><see cref="ActiveKeyId"/>, or the only key when it is left out.</summary>
    internal string? EffectiveActiveKeyId() => ActiveKeyId ?? (KeyIds().Count() == 1 ? KeyIds().Single() : null);

    internal IEnumerable<string> KeyIds() =>
        string.IsNullOrWhiteSpace(SigningKey) ? SigningKeys.Keys : SigningKeys.Keys.Append(JwtSigningKeys.DefaultKeyId);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex KeyIdPattern();
}
