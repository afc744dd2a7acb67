namespace RiskPlatform.Infrastructure.Webhooks;

/// <summary>Thrown at connect time when the host now resolves to an address webhooks may not reach.</summary>
internal sealed class WebhookAddressRefusedException(string message) : Exception(message);
