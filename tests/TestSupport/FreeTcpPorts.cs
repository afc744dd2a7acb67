using System.Net;
using System.Net.Sockets;

namespace RiskPlatform.TestSupport;

/// <summary>Loopback ports nothing listens on right now, for the silos and servers that tests start side by side.</summary>
public static class FreeTcpPorts
{
    /// <summary>A port the OS just handed out for an ephemeral listener (and closed again), so parallel test hosts don't collide.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The <c>Orleans:*</c> settings of a single-node test silo on free ports.</summary>
    public static IReadOnlyDictionary<string, string?> SiloSettings() => new Dictionary<string, string?>
    {
        ["Orleans:SiloPort"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:ClusterId"] = $"test-{Guid.NewGuid():N}",
    };
}
