namespace RiskPlatform.Application.Common.Webhooks;

/// <summary>
/// One webhook message: <see cref="MessageId"/> is the <c>webhook-id</c> (the same on every retry, so the receiver can
/// drop duplicates), <see cref="Body"/> the exact JSON that is signed and sent.
/// </summary>
public sealed record WebhookMessage(Uri Url, string MessageId, DateTimeOffset Timestamp, string Body, IReadOnlyList<string> Secrets);
