using RiskPlatform.Domain.Analytics;

namespace RiskPlatform.Domain.UnitTests.Analytics;

public sealed class AverageTrueRangeTests
{
    [Fact]
    public void Of_ThreeBarsOverTwoDays_IsTheMeanOfTheTrueRangesWorkedOutByHand()
    {
        // Day 2: max(12 − 9, |12 − 10|, |9 − 10|) = 3. Day 3 gaps up: max(16 − 14, |16 − 11|, |14 − 11|) = 5. Mean 4.
        (decimal, decimal, decimal)[] bars = [(11m, 9m, 10m), (12m, 9m, 11m), (16m, 14m, 15m)];

        Assert.Equal(4m, AverageTrueRange.Of(bars, period: 2));
    }

    [Fact]
    public void Of_UsesOnlyTheLastPeriodDays()
    {
        (decimal, decimal, decimal)[] bars = [(100m, 1m, 50m), (11m, 9m, 10m), (12m, 9m, 11m), (16m, 14m, 15m)];

        Assert.Equal(4m, AverageTrueRange.Of(bars, period: 2));
    }

    [Fact]
    public void Of_WithTooFewBars_IsNull()
    {
        Assert.Null(AverageTrueRange.Of([(11m, 9m, 10m), (12m, 9m, 11m)], period: 2));
        Assert.Null(AverageTrueRange.Of([.. Enumerable.Repeat((11m, 9m, 10m), 14)]));
    }
}
