using StandardWebhooks;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Infrastructure.Webhooks;

/// <summary>
/// The Standard Webhooks headers of a message. Each signature is the StandardWebhooks package's
/// (<see cref="StandardWebhook.Sign"/>: <c>v1,</c> + base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")),
/// the key being the decoded part of the <c>whsec_</c> secret). The package signs with one secret; during a rotation the
/// header carries one signature per secret, space-separated, in the order given (the new secret first).
/// </summary>
internal static class StandardWebhookSignature
{
    public static readonly string IdHeader = WebhookConfigurationOptions.StandardWebhooks.IdHeaderKey;
    public static readonly string TimestampHeader = WebhookConfigurationOptions.StandardWebhooks.TimestampHeaderKey;
    public static readonly string SignatureHeader = WebhookConfigurationOptions.StandardWebhooks.SignatureHeaderKey;

    public static string Header(IEnumerable<string> secrets, string messageId, DateTimeOffset timestamp, string body) =>
        string.Join(' ', secrets.Select(secret => new StandardWebhook(WebhookSecret.KeyOf(secret)).Sign(messageId, timestamp, body)));
}
