using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Infrastructure.Webhooks;

/// <summary>
/// The Standard Webhooks signature: <c>v1,</c> + base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")), the
/// key being the decoded part of the <c>whsec_</c> secret; several signatures (during a rotation) are space-separated.
/// </summary>
internal static class StandardWebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecret.KeyOf(secret), content));
    }

    public static string Header(IEnumerable<string> secrets, string messageId, long timestamp, string body) =>
        string.Join(' ', secrets.Select(secret => Sign(secret, messageId, timestamp, body)));
}
