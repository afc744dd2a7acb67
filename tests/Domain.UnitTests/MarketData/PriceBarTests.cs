using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Domain.UnitTests.MarketData;

public sealed class PriceBarTests
{
    private static readonly DateOnly Day = new(2026, 1, 2);

    [Fact]
    public void Create_WhenValid_NormalisesTheSymbolAndKeepsTheFields()
    {
        var bar = PriceBar.Create(" aapl ", Day, 100m, 110m, 95m, 105m, 1000.5m);

        Assert.Equal(("AAPL", Day, 100m, 110m, 95m, 105m, 1000.5m), (bar.Symbol, bar.Date, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
    }

    [Theory]
    [InlineData(100, 90, 95, 105, 0, MarketDataErrors.InconsistentBar)]
    [InlineData(94, 110, 95, 105, 0, MarketDataErrors.InconsistentBar)]
    [InlineData(100, 110, 95, 111, 0, MarketDataErrors.InconsistentBar)]
    [InlineData(0, 110, 95, 105, 0, MarketDataErrors.NonPositivePrice)]
    [InlineData(100, 110, 95, 105, -1, MarketDataErrors.InvalidVolume)]
    public void Create_WhenInconsistent_ThrowsWithItsCode(double open, double high, double low, double close, double volume, string code)
    {
        var error = Assert.Throws<DomainException>(() => PriceBar.Create("AAPL", Day, (decimal)open, (decimal)high, (decimal)low, (decimal)close, (decimal)volume));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Include_AfterFromQuote_MovesHighLowAndClose_KeepsOpen()
    {
        var bar = PriceBar.FromQuote("SPY", Day, 100m);

        bar.Include(104m);
        bar.Include(97.5m);
        bar.Include(101m);

        Assert.Equal((100m, 104m, 97.5m, 101m, 0m), (bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
    }

    [Fact]
    public void Replace_WhenInvalid_LeavesTheBarUnchanged()
    {
        var bar = PriceBar.Create("AAPL", Day, 100m, 110m, 95m, 105m, 1000m);

        Assert.Throws<DomainException>(() => bar.Replace(100m, 90m, 95m, 105m, 1000m));

        Assert.Equal((100m, 110m, 95m, 105m), (bar.Open, bar.High, bar.Low, bar.Close));
    }

    [Theory]
    [InlineData("2026-03-10T15:00:00Z", "2026-03-10")]
    [InlineData("2026-03-11T03:59:59Z", "2026-03-10")]
    [InlineData("2026-03-11T04:00:00Z", "2026-03-11")]
    [InlineData("2026-01-15T04:59:59Z", "2026-01-14")]
    [InlineData("2026-01-15T05:00:00Z", "2026-01-15")]
    public void TradingDateOf_IsTheNewYorkCalendarDate(string utc, string expected)
    {
        var instant = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PriceBar.TradingDateOf(instant));
    }
}
