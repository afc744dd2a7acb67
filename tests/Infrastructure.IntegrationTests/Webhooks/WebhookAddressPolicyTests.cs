using System.Net;
using RiskPlatform.Infrastructure.Webhooks;

namespace RiskPlatform.Infrastructure.IntegrationTests.Webhooks;

public sealed class WebhookAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.0.1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("fec0::1", "private")]
    [InlineData("169.254.0.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("fd00:ec2::254", "cloud metadata")]
    [InlineData("168.63.129.16", "cloud metadata")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("100.64.0.1", "shared (carrier-grade NAT)")]
    [InlineData("100.100.100.200", "shared (carrier-grade NAT)")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("192.0.0.170", "reserved")]
    [InlineData("198.18.0.1", "reserved")]
    [InlineData("64:ff9b::a00:1", "private")]
    [InlineData("2002:7f00:1::", "loopback")]
    [InlineData("2002:a9fe:a9fe::", "cloud metadata")]
    public void Refusal_WhenTheAddressIsNotPublic_NamesItsClass(string address, string refusal) =>
        Assert.Equal(refusal, WebhookAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("203.0.113.10")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("64:ff9b::808:808")]
    public void Refusal_WhenTheAddressIsPublic_IsNull(string address) =>
        Assert.Null(WebhookAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Refusal_WhenLoopbackIsAllowed_LetsOnlyLoopbackThrough(string address)
    {
        Assert.Null(WebhookAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: true));
        Assert.Equal("private", WebhookAddressPolicy.Refusal(IPAddress.Parse("10.0.0.1"), allowLoopback: true));
    }

    [Fact]
    public void Refusal_WhenHttpToAPublicAddressWithLoopbackAllowed_AsksForHttps()
    {
        Assert.Equal("Webhook URLs must use https.", WebhookAddresses.Refusal("http", [IPAddress.Parse("203.0.113.10")], allowLoopback: true));
        Assert.Null(WebhookAddresses.Refusal("http", [IPAddress.Loopback, IPAddress.IPv6Loopback], allowLoopback: true));
        Assert.Null(WebhookAddresses.Refusal("https", [IPAddress.Parse("203.0.113.10")], allowLoopback: false));
    }

    [Fact]
    public void Refusal_WhenOneOfSeveralAddressesIsPrivate_RefusesTheHost() =>
        Assert.Contains("private", WebhookAddresses.Refusal("https", [IPAddress.Parse("203.0.113.10"), IPAddress.Parse("10.0.0.7")], allowLoopback: false), StringComparison.Ordinal);
}
