using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RiskPlatform.Infrastructure.Webhooks;

/// <summary>
/// Resolves a webhook host and judges the result, the same way at registration (<see cref="WebhookUrlGuard"/>) and at
/// connect time (<see cref="WebhookConnector"/>, which then connects to exactly the addresses it judged).
/// </summary>
internal static class WebhookAddresses
{
    public static async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
    }

    /// <summary>
    /// Why <paramref name="addresses"/> may not be reached over <paramref name="scheme"/>, or null. Every address must be
    /// public (one bad address refuses the host: DNS answers can rotate); plain http only to loopback when loopback is allowed.
    /// </summary>
    public static string? Refusal(string scheme, IReadOnlyList<IPAddress> addresses, bool allowLoopback)
    {
        if (addresses.Count == 0)
        {
            return "The host name could not be resolved.";
        }

        foreach (var address in addresses)
        {
            if (WebhookAddressPolicy.Refusal(address, allowLoopback) is { } refused)
            {
                return string.Create(CultureInfo.InvariantCulture, $"The host resolves to a {refused} address ({address}), which webhooks may not reach.");
            }
        }

        var plainHttpAllowed = allowLoopback && addresses.All(a => IPAddress.IsLoopback(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a));
        return scheme == Uri.UriSchemeHttps || (scheme == Uri.UriSchemeHttp && plainHttpAllowed)
            ? null
            : "Webhook URLs must use https.";
    }
}
