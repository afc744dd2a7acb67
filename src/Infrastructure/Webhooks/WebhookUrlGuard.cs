using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Notifications.Common;

namespace RiskPlatform.Infrastructure.Webhooks;

/// <summary>The registration-time check: scheme, no credentials in the URL, and every resolved address public.</summary>
internal sealed class WebhookUrlGuard(IOptions<WebhookOptions> options) : IWebhookUrlGuard
{
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "Webhook URLs must use https.";
        }

        var allowLoopback = options.Value.AllowLoopback;
        if (url.Scheme == Uri.UriSchemeHttp && !allowLoopback)
        {
            return "Webhook URLs must use https.";
        }

        var addresses = await WebhookAddresses.ResolveAsync(url.DnsSafeHost, cancellationToken);
        return WebhookAddresses.Refusal(url.Scheme, addresses, allowLoopback);
    }
}
