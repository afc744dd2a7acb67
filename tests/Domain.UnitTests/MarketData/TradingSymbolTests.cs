using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Domain.UnitTests.MarketData;

public sealed class TradingSymbolTests
{
    [Theory]
    [InlineData("aapl", "AAPL")]
    [InlineData("  msft\t", "MSFT")]
    [InlineData("brk.b", "BRK.B")]
    [InlineData("btc-usd", "BTC-USD")]
    [InlineData("BTC/USD", "BTC/USD")]
    [InlineData("^spx", "^SPX")]
    [InlineData("es=f", "ES=F")]
    [InlineData("A", "A")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    public void Normalize_WhenValid_ReturnsTrimmedUpperCase(string symbol, string expected) =>
        Assert.Equal(expected, TradingSymbol.Normalize(symbol));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("AA PL")]
    [InlineData(".AAPL")]
    [InlineData("-AAPL")]
    [InlineData("AAPL$")]
    [InlineData("ÄPFEL")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void Normalize_WhenInvalid_ThrowsInvalidSymbol(string? symbol)
    {
        var ex = Assert.Throws<DomainException>(() => TradingSymbol.Normalize(symbol));

        Assert.Equal(MarketDataErrors.InvalidSymbol, ex.Code);
    }
}
