using Microsoft.Extensions.Options;
using RiskPlatform.Domain.Common;
using RiskPlatform.Infrastructure.Brokers.Alpaca;

namespace RiskPlatform.Infrastructure.IntegrationTests.Brokers;

/// <summary>The stored base_url is checked again at every use: an edited row can neither redirect credentials nor make a paper key live.</summary>
public sealed class AlpacaEndpointsTests
{
    private static readonly AlpacaOptions Options = new()
    {
        PaperUrl = new Uri("http://127.0.0.1:9/paper"),
        LiveUrl = new Uri("http://127.0.0.1:9/live"),
    };

    private static AlpacaEndpoints Endpoints() => new(Microsoft.Extensions.Options.Options.Create(Options));

    [Theory]
    [InlineData("https://paper-api.alpaca.markets", true, "http://127.0.0.1:9/paper")]
    [InlineData("https://api.alpaca.markets", false, "http://127.0.0.1:9/live")]
    [InlineData("https://paper-api.alpaca.markets/v2", true, "https://paper-api.alpaca.markets/v2")]
    [InlineData("https://data.alpaca.markets", false, "https://data.alpaca.markets/")]
    public void TradingBase_ForTheDefaultOrAnAllowedUrlOfTheKeysMode_IsThatUrl(string baseUrl, bool isPaperTrading, string expected) =>
        Assert.Equal(new Uri(expected), Endpoints().TradingBase(baseUrl, isPaperTrading));

    [Theory]
    [InlineData("https://api.alpaca.markets/v2", true)]
    [InlineData("https://paper-api.alpaca.markets/v2", false)]
    [InlineData("https://attacker.example.com", true)]
    [InlineData("http://169.254.169.254/latest", false)]
    public void TradingBase_ForAStoredUrlOutsideTheKeysModeOrTheAllowList_RefusesTheKey(string baseUrl, bool isPaperTrading)
    {
        var refused = Assert.Throws<ConflictException>(() => Endpoints().TradingBase(baseUrl, isPaperTrading));

        Assert.Equal("api_key.base_url_not_allowed", refused.Code);
    }
}
