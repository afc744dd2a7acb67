using System.Security.Cryptography;
using System.Text;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Notifications.Push;

/// <summary>
/// A browser's Web Push subscription held for one user: the push service's <see cref="Endpoint"/> URL and the browser's
/// message encryption keys (<see cref="P256dh"/>, the P-256 public key, and <see cref="Auth"/>, the 16-byte authentication
/// secret, both base64url as the browser's <c>PushSubscription.toJSON()</c> gives them). One row per user × endpoint
/// (<see cref="EndpointHash"/>, the uniqueness key, since endpoints can be too long to index); subscribing the same endpoint
/// again replaces the keys. The push service saying the subscription is gone (404 / 410) removes it.
/// </summary>
public sealed class PushSubscription : AggregateRoot, IAuditedEntity
{
    public const int EndpointMaxLength = 2048;
    public const int EndpointHashLength = 64;
    public const int P256dhMaxLength = 100;
    public const int AuthMaxLength = 32;

    private PushSubscription()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>The push service URL the browser gave (absolute; https unless loopback is allowed).</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>Lowercase hex SHA-256 of <see cref="Endpoint"/>: unique per user.</summary>
    public string EndpointHash { get; private set; } = string.Empty;

    /// <summary>The browser's uncompressed P-256 public key (65 bytes, 0x04 first), base64url without padding.</summary>
    public string P256dh { get; private set; } = string.Empty;

    /// <summary>The browser's 16-byte authentication secret, base64url without padding.</summary>
    public string Auth { get; private set; } = string.Empty;

    public DateTime? LastSuccessAt { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <param name="endpoint">Already checked by the caller (scheme, address); here only presence and length.</param>
    public static PushSubscription Create(Guid userId, Uri endpoint, string? p256dh, string? auth, DateTime now)
    {
        var text = EndpointText(endpoint);
        var subscription = new PushSubscription
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Endpoint = text,
            EndpointHash = HashOf(text),
            CreatedAt = now,
            UpdatedAt = now,
        };
        subscription.ReplaceKeys(p256dh, auth);
        return subscription;
    }

    /// <summary>The uniqueness key of an endpoint URL (as <see cref="Endpoint"/> stores it).</summary>
    public static string HashOf(Uri endpoint) => HashOf(EndpointText(endpoint));

    /// <summary>The browser subscribed again (e.g. after the keys changed): the new keys replace the old ones.</summary>
    public void ReplaceKeys(string? p256dh, string? auth)
    {
        P256dh = Key(p256dh, 65, Errors.P256dhInvalid, "keys.p256dh must be the browser's P-256 public key (65 bytes, base64url).", requireUncompressedPoint: true);
        Auth = Key(auth, 16, Errors.AuthInvalid, "keys.auth must be the browser's 16-byte authentication secret (base64url).", requireUncompressedPoint: false);
    }

    public void RecordSuccess(DateTime now) => LastSuccessAt = now;

    /// <summary>Decodes base64url (padding optional); null when it is not.</summary>
    public static byte[]? FromBase64Url(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim().TrimEnd('=').Replace('-', '+').Replace('_', '/');
        if (text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/')))
        {
            return null;
        }

        text = (text.Length % 4) switch
        {
            2 => text + "==",
            3 => text + "=",
            1 => "!",
            _ => text,
        };
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string ToBase64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Key(string? value, int length, string code, string message, bool requireUncompressedPoint)
    {
        var bytes = FromBase64Url(value);
        if (bytes is null || bytes.Length != length || (requireUncompressedPoint && bytes[0] != 0x04))
        {
            throw new DomainException(code, message);
        }

        return ToBase64Url(bytes);
    }

    private static string EndpointText(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var text = endpoint.AbsoluteUri;
        return text.Length <= EndpointMaxLength
            ? text
            : throw new DomainException(Errors.EndpointTooLong, $"endpoint must be at most {EndpointMaxLength} characters.");
    }

    private static string HashOf(string endpoint) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint)));

    /// <summary>Stable <see cref="DomainException.Code"/> values.</summary>
    public static class Errors
    {
        public const string EndpointTooLong = "push_subscription.endpoint_too_long";
        public const string P256dhInvalid = "push_subscription.p256dh_invalid";
        public const string AuthInvalid = "push_subscription.auth_invalid";
    }
}
