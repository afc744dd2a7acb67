using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Domain.UnitTests.MarketData;

public sealed class MinuteBarTests
{
    [Theory]
    [InlineData("2026-03-10T14:30:00.0000000Z", "2026-03-10T14:30:00.0000000Z")]
    [InlineData("2026-03-10T14:30:59.9999999Z", "2026-03-10T14:30:00.0000000Z")]
    [InlineData("2026-03-10T14:31:00.0000001Z", "2026-03-10T14:31:00.0000000Z")]
    [InlineData("2026-12-31T23:59:30.0000000Z", "2026-12-31T23:59:00.0000000Z")]
    public void MinuteOf_AnInstant_IsTheStartOfItsUtcMinute(string instant, string start)
    {
        var at = DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        var minute = MinuteBar.MinuteOf(at);

        Assert.Equal((start, DateTimeKind.Utc), (minute.ToString("O", System.Globalization.CultureInfo.InvariantCulture), minute.Kind));
    }

    [Fact]
    public void Include_AfterFromQuote_MovesHighLowAndClose_KeepsOpen()
    {
        var bar = MinuteBar.FromQuote(" spy ", new DateTime(2026, 3, 10, 14, 30, 12, DateTimeKind.Utc), 100m);

        bar.Include(104m);
        bar.Include(97.5m);
        bar.Include(101m);

        Assert.Equal(("SPY", new DateTime(2026, 3, 10, 14, 30, 0, DateTimeKind.Utc), 100m, 104m, 97.5m, 101m),
            (bar.Symbol, bar.Start, bar.Open, bar.High, bar.Low, bar.Close));
    }

    [Theory]
    [InlineData(0, MarketDataErrors.NonPositivePrice)]
    [InlineData(-1, MarketDataErrors.NonPositivePrice)]
    [InlineData(0.000000001, MarketDataErrors.PriceTooPrecise)]
    public void FromQuoteAndInclude_WithABadPrice_ThrowWithItsCode_AndLeaveTheBarUnchanged(double price, string code)
    {
        var bar = MinuteBar.FromQuote("SPY", new DateTime(2026, 3, 10, 14, 30, 0, DateTimeKind.Utc), 100m);

        var included = Assert.Throws<DomainException>(() => bar.Include((decimal)price));
        var created = Assert.Throws<DomainException>(() => MinuteBar.FromQuote("SPY", DateTime.UtcNow, (decimal)price));

        Assert.Equal((code, code), (included.Code, created.Code));
        Assert.Equal((100m, 100m, 100m), (bar.High, bar.Low, bar.Close));
    }
}
