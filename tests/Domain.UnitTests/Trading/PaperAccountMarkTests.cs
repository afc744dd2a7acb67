using RiskPlatform.Domain.Trading.Paper;

namespace RiskPlatform.Domain.UnitTests.Trading;

public sealed class PaperAccountMarkTests
{
    private static readonly DateTime Opened = new(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Open_WhenCreated_StartsTheDayAndHighWaterMarkAtStartingCash()
    {
        var account = PaperAccount.Open(Guid.NewGuid(), Opened, 50_000m);

        Assert.Equal(50_000m, account.DayStartEquity);
        Assert.Equal(50_000m, account.EquityHighWaterMark);
        Assert.Equal(Opened.Date, account.TradingDay);
    }

    [Fact]
    public void Mark_WhenTheSameUtcDay_KeepsDayStartAndRaisesOnlyTheHighWaterMark()
    {
        var account = PaperAccount.Open(Guid.NewGuid(), Opened, 50_000m);

        account.Mark(49_000m, Opened.AddHours(8));
        Assert.Equal(50_000m, account.DayStartEquity);
        Assert.Equal(50_000m, account.EquityHighWaterMark);

        account.Mark(51_000m, Opened.AddHours(8).AddMinutes(59));
        Assert.Equal(50_000m, account.DayStartEquity);
        Assert.Equal(51_000m, account.EquityHighWaterMark);
    }

    [Fact]
    public void Mark_WhenANewUtcDayStarts_RollsDayStartToTheMarkedEquityOnce()
    {
        var account = PaperAccount.Open(Guid.NewGuid(), Opened, 50_000m);
        var nextDay = Opened.Date.AddDays(1);

        Assert.Equal(48_000m, account.DayStartEquityAt(48_000m, nextDay));
        account.Mark(48_000m, nextDay);
        account.Mark(47_000m, nextDay.AddHours(5));

        Assert.Equal(48_000m, account.DayStartEquity);
        Assert.Equal(nextDay, account.TradingDay);
        Assert.Equal(48_000m, account.DayStartEquityAt(47_000m, nextDay.AddHours(6)));
        Assert.Equal(50_000m, account.EquityHighWaterMark);
        Assert.Equal(52_000m, account.EquityHighWaterMarkAt(52_000m));
    }
}
