using RiskPlatform.Application.Common.Webhooks;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Posts one Standard Webhooks message, signed with every secret given. Never throws for a delivery problem (the result
/// says what went wrong, never with a secret); cancellation still throws.
/// </summary>
public interface IWebhookSender
{
    Task<WebhookSendResult> SendAsync(WebhookMessage message, CancellationToken cancellationToken);
}
