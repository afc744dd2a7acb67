using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Application.Notifications.Common;

/// <summary>The secrets that sign a message to an endpoint, opened from their sealed stored form just before signing.</summary>
public static class WebhookSigningSecrets
{
    /// <summary>The current secret, and the previous one during a rotation's overlap (<see cref="WebhookEndpoint.SigningSecrets"/>), opened.</summary>
    public static IReadOnlyList<string> OpenSigningSecrets(this IWebhookSecretVault vault, WebhookEndpoint endpoint, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.SigningSecrets(now).Select(stored => vault.Open(endpoint.UserId, endpoint.Id, stored)).ToList();
    }
}
