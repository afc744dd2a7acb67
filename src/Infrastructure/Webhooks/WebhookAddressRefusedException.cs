namespace RiskPlatform.Infrastructure.Webhooks;

/// <summary>Thrown at connect time when the host now resolves to an address webhooks (and push endpoints) may not reach.</summary>
internal sealed class WebhookAddressRefusedException(string message) : Exception(message)
{
    /// <summary>The refusal somewhere in an exception's chain (the HTTP client wraps what the connect step throws), or null.</summary>
    public static WebhookAddressRefusedException? In(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is WebhookAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
