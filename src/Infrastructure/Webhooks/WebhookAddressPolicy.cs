using System.Net;
using System.Net.Sockets;

namespace RiskPlatform.Infrastructure.Webhooks;

/// <summary>
/// Which addresses a webhook may reach: public unicast only. Pure, so each refused class is tested on its own. IPv4-mapped
/// IPv6 addresses, NAT64 (64:ff9b::/96) and 6to4 (2002::/16) are judged by the IPv4 address they carry.
/// </summary>
internal static class WebhookAddressPolicy
{
    /// <summary>Azure's wire server and metadata endpoint: a public-looking address that reaches the host's metadata.</summary>
    private static readonly IPAddress AzureWireServer = IPAddress.Parse("168.63.129.16");

    /// <summary>AWS's instance metadata service over IPv6 (inside fc00::/7, named for what it is).</summary>
    private static readonly IPAddress AwsMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    /// <summary>The class of address that is refused ("loopback", "private", …), or null when it is public.</summary>
    public static string? Refusal(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback ? null : "loopback";
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => RefusalV4(address),
            AddressFamily.InterNetworkV6 => RefusalV6(address, allowLoopback),
            _ => "non-IP",
        };
    }

    private static string? RefusalV4(IPAddress address)
    {
        if (address.Equals(AzureWireServer))
        {
            return "cloud metadata";
        }

        return address.GetAddressBytes() switch
        {
            [0, _, _, _] => "unspecified",
            [10, _, _, _] => "private",
            [100, >= 64 and <= 127, _, _] => "shared (carrier-grade NAT)",
            [169, 254, 169, 254] => "cloud metadata",
            [169, 254, _, _] => "link-local",
            [172, >= 16 and <= 31, _, _] => "private",
            [192, 0, 0, _] => "reserved",
            [192, 168, _, _] => "private",
            [198, 18 or 19, _, _] => "reserved",
            [>= 224 and <= 239, _, _, _] => "multicast",
            [>= 240, _, _, _] => "reserved",
            _ => null,
        };
    }

    private static string? RefusalV6(IPAddress address, bool allowLoopback)
    {
        if (address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        if (address.Equals(AwsMetadataV6))
        {
            return "cloud metadata";
        }

        if (address.IsIPv6LinkLocal)
        {
            return "link-local";
        }

        if (address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
        {
            return "private";
        }

        if (address.IsIPv6Multicast)
        {
            return "multicast";
        }

        var bytes = address.GetAddressBytes();
        var nat64 = bytes is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..];
        if (nat64)
        {
            return Refusal(new IPAddress(bytes.AsSpan(12, 4)), allowLoopback);
        }

        if (bytes is [0x20, 0x02, ..])
        {
            return Refusal(new IPAddress(bytes.AsSpan(2, 4)), allowLoopback);
        }

        return null;
    }
}
