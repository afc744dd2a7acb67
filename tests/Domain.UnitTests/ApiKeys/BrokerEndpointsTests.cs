using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Domain.UnitTests.ApiKeys;

public sealed class BrokerEndpointsTests
{
    [Theory]
    [InlineData(Broker.Alpaca, "https://paper-api.alpaca.markets", true, true)]
    [InlineData(Broker.Alpaca, "https://paper-api.alpaca.markets", false, false)]
    [InlineData(Broker.Alpaca, "https://api.alpaca.markets", true, false)]
    [InlineData(Broker.Alpaca, "https://api.alpaca.markets", false, true)]
    [InlineData(Broker.Coinbase, "https://api.coinbase.com", true, false)]
    [InlineData(Broker.Coinbase, "https://api-public.sandbox.exchange.coinbase.com", true, true)]
    [InlineData(Broker.Binance, "https://api.binance.com", true, false)]
    [InlineData(Broker.Binance, "https://testnet.binance.vision", false, false)]
    [InlineData(Broker.InteractiveBrokers, "https://api.ibkr.com", true, true)]
    [InlineData(Broker.Alpaca, "https://evil.example.com", true, false)]
    public void IsAllowed_ForAKeysMode_AcceptsOnlyTheHostsOfThatMode(Broker broker, string url, bool isPaperTrading, bool allowed) =>
        Assert.Equal(allowed, BrokerEndpoints.IsAllowed(broker, url, isPaperTrading));

    [Theory]
    [InlineData(Broker.Alpaca, "https://api.alpaca.markets")]
    [InlineData(Broker.Alpaca, "https://paper-api.alpaca.markets/v2")]
    [InlineData(Broker.Alpaca, "https://API.ALPACA.MARKETS/")]
    [InlineData(Broker.InteractiveBrokers, "https://api.ibkr.com/v1/api")]
    [InlineData(Broker.TdAmeritrade, "https://api.schwabapi.com/trader/v1")]
    [InlineData(Broker.Robinhood, "https://trading.robinhood.com")]
    [InlineData(Broker.Coinbase, "https://api.coinbase.com/api/v3/brokerage")]
    [InlineData(Broker.Binance, "https://testnet.binance.vision/api")]
    [InlineData(Broker.Binance, "https://api.binance.com:443")]
    public void IsAllowed_WhenOfficialHttpsHost_ReturnsTrue(Broker broker, string url) =>
        Assert.True(BrokerEndpoints.IsAllowed(broker, url));

    [Theory]
    [InlineData(Broker.Alpaca, "http://169.254.169.254/")]
    [InlineData(Broker.Alpaca, "https://169.254.169.254/latest/meta-data")]
    [InlineData(Broker.Alpaca, "http://api.alpaca.markets")]
    [InlineData(Broker.Alpaca, "https://api.alpaca.markets:8443")]
    [InlineData(Broker.Alpaca, "https://user:pass@api.alpaca.markets")]
    [InlineData(Broker.Alpaca, "https://api.alpaca.markets.evil.com")]
    [InlineData(Broker.Alpaca, "https://evil.com/api.alpaca.markets")]
    [InlineData(Broker.Alpaca, "https://api.alpaca.markets?redirect=evil")]
    [InlineData(Broker.Alpaca, "https://api.binance.com")]
    [InlineData(Broker.Alpaca, "https://localhost")]
    [InlineData(Broker.Alpaca, "api.alpaca.markets")]
    [InlineData(Broker.Alpaca, "")]
    [InlineData(Broker.Alpaca, null)]
    [InlineData(Broker.Coinbase, "ftp://api.coinbase.com")]
    public void IsAllowed_WhenNotAnOfficialHttpsHost_ReturnsFalse(Broker broker, string? url) =>
        Assert.False(BrokerEndpoints.IsAllowed(broker, url));

    [Theory]
    [InlineData(Broker.Alpaca)]
    [InlineData(Broker.InteractiveBrokers)]
    [InlineData(Broker.TdAmeritrade)]
    [InlineData(Broker.Robinhood)]
    [InlineData(Broker.Coinbase)]
    [InlineData(Broker.Binance)]
    public void DefaultBaseUrl_ForEveryBrokerAndMode_IsOnTheAllowList(Broker broker)
    {
        Assert.NotEmpty(BrokerEndpoints.AllowedHosts(broker));
        Assert.True(BrokerEndpoints.IsAllowed(broker, BrokerEndpoints.DefaultBaseUrl(broker, isPaperTrading: true)));
        Assert.True(BrokerEndpoints.IsAllowed(broker, BrokerEndpoints.DefaultBaseUrl(broker, isPaperTrading: false)));
    }

    [Fact]
    public void AllowedHosts_ForEveryBrokerEnumMember_IsDefined() =>
        Assert.All(Enum.GetValues<Broker>(), broker => Assert.NotEmpty(BrokerEndpoints.AllowedHosts(broker)));

    [Theory]
    [InlineData(null, true, "https://paper-api.alpaca.markets")]
    [InlineData("", false, "https://api.alpaca.markets")]
    [InlineData("https://API.Alpaca.Markets/", false, "https://api.alpaca.markets")]
    [InlineData(" https://api.alpaca.markets:443 ", false, "https://api.alpaca.markets")]
    [InlineData("https://api.alpaca.markets/v2/", false, "https://api.alpaca.markets/v2")]
    [InlineData("https://api.alpaca.markets:8443/v2", false, "https://api.alpaca.markets:8443/v2")]
    [InlineData("not a url", false, "not a url")]
    public void CanonicalBaseUrl_ForSpellingsOfAnAddress_GivesOneText(string? baseUrl, bool isPaperTrading, string expected) =>
        Assert.Equal(expected, BrokerEndpoints.CanonicalBaseUrl(Broker.Alpaca, baseUrl, isPaperTrading));
}
