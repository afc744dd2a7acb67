using System.Net;

namespace RiskPlatform.Infrastructure.Actors;

/// <summary>The <c>Orleans</c> section: how this node joins the cluster that hosts the account actors.</summary>
public sealed class OrleansOptions
{
    public const string SectionName = "Orleans";

    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    /// <summary>Nodes with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "riskplatform";

    /// <summary>Stays the same across deployments of this service.</summary>
    public string ServiceId { get; set; } = "riskplatform";

    /// <summary>Node-to-node port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port (kept open for external Orleans clients; the service itself calls in-process).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other nodes reach this one at; default: loopback for Localhost, the first non-loopback address otherwise.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>Localhost clustering only: <c>host:port</c> of the first node, which the others join (unset: this node is the first).</summary>
    public string? PrimarySiloEndpoint { get; set; }

    public bool IsValid =>
        Enum.IsDefined(Clustering)
        && !string.IsNullOrWhiteSpace(ClusterId)
        && !string.IsNullOrWhiteSpace(ServiceId)
        && SiloPort is > 0 and <= 65535
        && GatewayPort is > 0 and <= 65535
        && SiloPort != GatewayPort
        && (string.IsNullOrWhiteSpace(AdvertisedIPAddress) || IPAddress.TryParse(AdvertisedIPAddress, out _))
        && (string.IsNullOrWhiteSpace(PrimarySiloEndpoint) || IPEndPoint.TryParse(PrimarySiloEndpoint, out _));
}
