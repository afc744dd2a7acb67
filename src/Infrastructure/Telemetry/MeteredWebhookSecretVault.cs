using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Telemetry;

/// <summary>Counts the webhook-secret vault's seal and open operations by outcome (<c>riskplatform.vault.operations</c>).</summary>
internal sealed class MeteredWebhookSecretVault(IWebhookSecretVault inner, IRiskMetrics metrics) : IWebhookSecretVault
{
    public string Seal(Guid userId, Guid endpointId, string secret) => Count("webhook_seal", () => inner.Seal(userId, endpointId, secret));

    public string Open(Guid userId, Guid endpointId, string stored) => Count("webhook_open", () => inner.Open(userId, endpointId, stored));

    public bool NeedsResealing(string stored) => inner.NeedsResealing(stored);

    private string Count(string kind, Func<string> operation)
    {
        try
        {
            var result = operation();
            metrics.VaultOperation(kind, "ok");
            return result;
        }
        catch
        {
            metrics.VaultOperation(kind, "failed");
            throw;
        }
    }
}
