using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace RiskPlatform.Api.Infrastructure;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format (<c>Telemetry:Prometheus:Enabled</c>, off by default), answered only on
/// connections accepted on <c>Telemetry:Prometheus:Port</c>: a port of its own that the deployment lists in the service's
/// URLs (e.g. <c>ASPNETCORE_URLS=http://+:8080;http://+:9464</c>) and keeps off the public network. The check is on the
/// socket's local port, which a caller cannot choose by a header; on any other port <c>/metrics</c> is not served (404), and
/// the scrape port serves nothing else (404), so it is no second way into the API around whatever guards the public port.
/// </summary>
internal sealed partial class PrometheusScrapeEndpoint(int port)
{
    public const string SectionName = "Telemetry:Prometheus";
    public const string Path = "/metrics";

    public int Port { get; } = port;

    /// <summary>The configured endpoint, or null when it is off; an enabled endpoint without a valid port stops the start.</summary>
    public static PrometheusScrapeEndpoint? FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        if (!section.GetValue<bool>("Enabled"))
        {
            return null;
        }

        return int.TryParse(section["Port"], System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? new PrometheusScrapeEndpoint(port)
            : throw new OptionsValidationException(
                $"{SectionName}:Port",
                typeof(PrometheusScrapeEndpoint),
                [$"{SectionName}:Port must be a port number (1-65535) when {SectionName}:Enabled is true: /metrics is answered only on that port, which must not be reachable from the public network."]);
    }

    public bool Serves(HttpContext context) => OnScrapePort(context) && context.Request.Path.Equals(Path, StringComparison.Ordinal);

    public bool OnScrapePort(HttpContext context) => context.Connection.LocalPort == Port;

    /// <summary>Once the server listens: a warning when none of its addresses is on the scrape port (nothing could scrape).</summary>
    public void WarnUnlessListening(IServer server, ILogger logger)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            return; // an in-memory test server has no addresses
        }

        if (!addresses.Any(address => BindingAddress.Parse(address).Port == Port))
        {
            LogNotListening(logger, Port, string.Join(", ", addresses));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telemetry:Prometheus is enabled on port {Port}, but the service listens only on {Addresses}: add that port to its URLs")]
    private static partial void LogNotListening(ILogger logger, int port, string addresses);
}
