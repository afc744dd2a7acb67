using System.Net;
using System.Net.Sockets;

namespace RiskPlatform.TestSupport;

/// <summary>Loopback ports nothing listens on right now, for the silos and servers that tests start side by side.</summary>
/// <remarks>
/// Chosen below Linux's ephemeral range (32768–60999 by default), at random, and checked by listening on them once: an
/// ephemeral port the OS hands out for a listener can be taken by an outgoing connection (a database client, another test
/// run) before the host binds it; a random port below that range can only meet another listener. Never the same port twice
/// in one test process.
/// </remarks>
public static class FreeTcpPorts
{
    private const int First = 20_000;
    private const int End = 32_000;
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A port nothing listened on a moment ago, not handed out before by this process.</summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var port = Random.Shared.Next(First, End);
                if (HandedOut.Count >= End - First)
                {
                    throw new InvalidOperationException("No free test port is left.");
                }

                if (!HandedOut.Add(port) || !IsFree(port))
                {
                    continue;
                }

                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The <c>Orleans:*</c> settings of a single-node test silo on free ports.</summary>
    public static IReadOnlyDictionary<string, string?> SiloSettings() => new Dictionary<string, string?>
    {
        ["Orleans:SiloPort"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:ClusterId"] = $"test-{Guid.NewGuid():N}",
    };
}
