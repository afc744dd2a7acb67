using System.ComponentModel.DataAnnotations;

namespace RiskPlatform.Infrastructure.Identity;

/// <summary>Section <c>Jwt</c>. <see cref="SigningKey"/> is base64 of at least 32 random bytes (HMAC-SHA256).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    [Required]
    public string Issuer { get; set; } = "riskplatform";

    [Required]
    public string Audience { get; set; } = "riskplatform-clients";

    [Required(ErrorMessage = "Jwt:SigningKey is required (base64 of at least 32 random bytes).")]
    public string SigningKey { get; set; } = string.Empty;

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

    public byte[] SigningKeyBytes() => Convert.FromBase64String(SigningKey);

    public static bool IsValidSigningKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= 32;
    }
}
