using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.Events;
using static RiskPlatform.Domain.UnitTests.Trading.PaperTestData;

namespace RiskPlatform.Domain.UnitTests.MarketData;

public sealed class MarketQuoteTests
{
    [Fact]
    public void FromPrice_WhenValid_SetsBidAskAndLastToThePrice()
    {
        var quote = MarketQuote.FromPrice(" aapl ", 187.25m, T0);

        Assert.Equal("AAPL", quote.Symbol);
        Assert.Equal(187.25m, quote.Bid);
        Assert.Equal(187.25m, quote.Ask);
        Assert.Equal(187.25m, quote.Last);
        Assert.Equal(T0, quote.UpdatedAt);
    }

    [Theory]
    [InlineData("100", "100.02", "100.01")]
    [InlineData("100", "100", null)]
    [InlineData("0.00000001", "0.00000002", "0.5")]
    public void FromBidAskLast_WhenValid_KeepsThePrices(string bid, string ask, string? last)
    {
        var quote = MarketQuote.FromBidAskLast("msft", D(bid), D(ask), OptionalD(last), T0);

        Assert.Equal("MSFT", quote.Symbol);
        Assert.Equal(D(bid), quote.Bid);
        Assert.Equal(D(ask), quote.Ask);
        Assert.Equal(OptionalD(last), quote.Last);
    }

    [Theory]
    [InlineData("0", "1", "1", MarketDataErrors.NonPositivePrice)]
    [InlineData("-1", "1", "1", MarketDataErrors.NonPositivePrice)]
    [InlineData("1", "0", "1", MarketDataErrors.NonPositivePrice)]
    [InlineData("1", "2", "0", MarketDataErrors.NonPositivePrice)]
    [InlineData("1", "2", "-3", MarketDataErrors.NonPositivePrice)]
    [InlineData("100.01", "100", "100", MarketDataErrors.CrossedQuote)]
    [InlineData("1.000000001", "2", "1.5", MarketDataErrors.PriceTooPrecise)]
    [InlineData("1", "2.123456789", "1.5", MarketDataErrors.PriceTooPrecise)]
    [InlineData("1", "2", "1.000000005", MarketDataErrors.PriceTooPrecise)]
    public void FromBidAskLast_WhenPricesInvalid_ThrowsWithStableCode(string bid, string ask, string last, string code)
    {
        var ex = Assert.Throws<DomainException>(() => MarketQuote.FromBidAskLast("AAPL", D(bid), D(ask), D(last), T0));

        Assert.Equal(code, ex.Code);
    }

    [Theory]
    [InlineData("0", MarketDataErrors.NonPositivePrice)]
    [InlineData("-5", MarketDataErrors.NonPositivePrice)]
    [InlineData("0.123456789", MarketDataErrors.PriceTooPrecise)]
    public void FromPrice_WhenPriceInvalid_ThrowsWithStableCode(string price, string code)
    {
        var ex = Assert.Throws<DomainException>(() => MarketQuote.FromPrice("AAPL", D(price), T0));

        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void FromPrice_WhenTrailingZerosBeyondEightPlaces_IsAccepted()
    {
        var quote = MarketQuote.FromPrice("AAPL", D("1.5000000000"), T0);

        Assert.Equal(1.5m, quote.Bid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("AA PL")]
    public void FromPrice_WhenSymbolInvalid_ThrowsInvalidSymbol(string symbol)
    {
        var ex = Assert.Throws<DomainException>(() => MarketQuote.FromPrice(symbol, 1m, T0));

        Assert.Equal(MarketDataErrors.InvalidSymbol, ex.Code);
    }

    [Theory]
    [InlineData("100", "101", "100.75", "100.75")]
    [InlineData("100", "101", null, "100.5")]
    [InlineData("100", "100.01", null, "100.005")]
    [InlineData("99", "101", "105", "105")]
    public void MarkPrice_WhenLastPresent_IsLastOtherwiseMid(string bid, string ask, string? last, string expected)
    {
        var quote = MarketQuote.FromBidAskLast("AAPL", D(bid), D(ask), OptionalD(last), T0);

        Assert.Equal(D(expected), quote.MarkPrice);
    }

    [Fact]
    public void Update_WhenValid_ReplacesPricesAndTime()
    {
        var quote = MarketQuote.FromPrice("AAPL", 100m, T0);
        var later = T0.AddSeconds(5);

        quote.Update(101m, 102m, null, later);

        Assert.Equal(101m, quote.Bid);
        Assert.Equal(102m, quote.Ask);
        Assert.Null(quote.Last);
        Assert.Equal(later, quote.UpdatedAt);
    }

    [Fact]
    public void UpdatePrice_WhenValid_SetsBidAskAndLastToThePrice()
    {
        var quote = MarketQuote.FromBidAskLast("AAPL", 99m, 101m, null, T0);

        quote.UpdatePrice(100.5m, T0.AddMinutes(1));

        Assert.Equal((100.5m, 100.5m, 100.5m), (quote.Bid, quote.Ask, quote.Last!.Value));
    }

    [Fact]
    public void Update_WhenInvalid_LeavesQuoteUnchanged()
    {
        var quote = MarketQuote.FromBidAskLast("AAPL", 100m, 101m, 100.5m, T0);
        quote.ClearDomainEvents();

        var ex = Assert.Throws<DomainException>(() => quote.Update(102m, 101m, 101.5m, T0.AddSeconds(1)));

        Assert.Equal(MarketDataErrors.CrossedQuote, ex.Code);
        Assert.Equal((100m, 101m, 100.5m, T0), (quote.Bid, quote.Ask, quote.Last!.Value, quote.UpdatedAt));
        Assert.Empty(quote.DomainEvents);
    }

    [Fact]
    public void FromPriceAndUpdate_RaiseMarketQuoteUpdatedEachTime()
    {
        var quote = MarketQuote.FromPrice("aapl", 100m, T0);
        quote.Update(100m, 100.5m, null, T0.AddSeconds(1));

        Assert.Equal(
            [
                new MarketQuoteUpdated("AAPL", 100m, 100m, 100m, T0),
                new MarketQuoteUpdated("AAPL", 100m, 100.5m, null, T0.AddSeconds(1)),
            ],
            quote.DomainEvents);
    }
}
