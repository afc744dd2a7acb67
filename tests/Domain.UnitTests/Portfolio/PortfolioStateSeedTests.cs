using RiskPlatform.Domain.Portfolio.State;
using static RiskPlatform.Domain.UnitTests.Portfolio.PortfolioTestData;

namespace RiskPlatform.Domain.UnitTests.Portfolio;

public sealed class PortfolioStateSeedTests
{
    [Theory]
    // equity, broker day start, broker high-water mark → day start, high-water mark, max drawdown %
    [InlineData(99_000, null, null, 99_000, 99_000, 0)]
    [InlineData(99_000, 100_000, 100_000, 100_000, 100_000, 1)]
    [InlineData(101_000, 100_000, 100_000, 100_000, 101_000, 0)] // a peak below the equity is raised to it
    [InlineData(99_000, 0, 0, 99_000, 99_000, 0)] // unknown (not positive): the equity
    [InlineData(90_000, 95_000, 120_000, 95_000, 120_000, 25)]
    public void Create_WithTheBrokersBaselines_RemembersLossesBeforeTheStateExisted(
        int equity, int? dayStart, int? highWaterMark, int expectedDayStart, int expectedHighWaterMark, int expectedMaxDrawdown)
    {
        var state = PortfolioState.Create(UserId, equity, Now, dayStartEquity: dayStart, highWaterMark: highWaterMark);

        Assert.Equal(expectedDayStart, state.DayStartEquity);
        Assert.Equal(expectedHighWaterMark, state.HighWaterMark);
        Assert.Equal(expectedMaxDrawdown, state.MaxDrawdownPercent);
        Assert.Equal(equity, state.LastEquity);
    }
}
