using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, which would put the proxy's IP in every audit row
/// and let 20 failed sign-ins from anyone lock everyone out (the per-IP limit). X-Forwarded-For and X-Forwarded-Proto are
/// therefore honoured, but only from trusted proxies: loopback (ASP.NET Core's default, for a proxy on the same host) plus
/// the addresses in <c>ForwardedHeaders:KnownProxies</c> and the CIDR ranges in <c>ForwardedHeaders:KnownNetworks</c>.
/// Only the last hop is taken (ForwardLimit 1), so a client can't slip in an address of its choosing before the proxy's.
/// A value that does not parse stops the start with an error naming the setting.
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "KnownProxies")
            .Select(value => IPAddress.TryParse(value.Value, out var address)
                ? address
                : throw new InvalidOperationException($"{value.Key} = '{value.Value}' is not an IP address."))
            .ToList();
        var networks = Values(configuration, "KnownNetworks")
            .Select(value => System.Net.IPNetwork.TryParse(value.Value, out var network)
                ? network
                : throw new InvalidOperationException($"{value.Key} = '{value.Value}' is not a CIDR network (e.g. 10.0.0.0/8)."))
            .ToList();

        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
    }

    private static IEnumerable<KeyValuePair<string, string>> Values(IConfiguration configuration, string name) =>
        configuration.GetSection($"{Section}:{name}").GetChildren()
            .Where(item => !string.IsNullOrWhiteSpace(item.Value))
            .Select(item => KeyValuePair.Create($"{Section}:{name}:{item.Key}", item.Value!.Trim()));
}
