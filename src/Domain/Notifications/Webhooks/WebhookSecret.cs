using System.Security.Cryptography;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Notifications.Webhooks;

/// <summary>
/// A Standard Webhooks signing secret: <c>whsec_</c> followed by the base64 of 24 random bytes (the key of the HMAC-SHA256
/// signature is the decoded bytes).
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";
    /// <summary>The longest secret accepted (the text, prefix included).</summary>
    public const int MaxLength = 64;

    private const int KeyBytes = 24;

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The HMAC key a secret stands for.</summary>
    public static byte[] KeyOf(string secret) => Convert.FromBase64String(EnsureValid(secret)[Prefix.Length..]);

    /// <summary>The secret when it is <c>whsec_</c> + the base64 of 16 to <see cref="MaxLength"/> bytes; a <see cref="DomainException"/> otherwise.</summary>
    public static string EnsureValid(string secret)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > MaxLength)
        {
            throw new DomainException(WebhookEndpoint.Errors.SecretInvalid, "A webhook secret is whsec_ followed by base64.");
        }

        Span<byte> buffer = stackalloc byte[MaxLength];
        if (!Convert.TryFromBase64String(secret[Prefix.Length..], buffer, out var written) || written < 16)
        {
            throw new DomainException(WebhookEndpoint.Errors.SecretInvalid, "A webhook secret is whsec_ followed by the base64 of at least 16 bytes.");
        }

        return secret;
    }
}
