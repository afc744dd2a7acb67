using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace RiskPlatform.Web.Client;

/// <summary>
/// Where the web app reaches the API: <c>Web:ApiBaseUrl</c> when set (another host, or a proxy in front), otherwise the
/// address this service itself listens on (its first http address; a wildcard host becomes <c>localhost</c>).
/// </summary>
public sealed class ApiBaseAddress(IConfiguration configuration, IServer server)
{
    public const string Setting = "Web:ApiBaseUrl";

    private Uri? _value;

    public Uri Value => _value ??= Resolve();

    private Uri Resolve()
    {
        if (configuration[Setting] is { Length: > 0 } configured)
        {
            return Uri.TryCreate(configured.TrimEnd('/') + "/", UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"{Setting} = '{configured}' is not an absolute URL.");
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"The service listens on no address the web app can call: set {Setting}.");
        var builder = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        builder.Path = "/";
        return builder.Uri;
    }
}
