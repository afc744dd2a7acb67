using RiskPlatform.Domain.Portfolio.Equity;
using static RiskPlatform.Domain.UnitTests.Portfolio.PortfolioTestData;

namespace RiskPlatform.Domain.UnitTests.Portfolio;

public sealed class EquityHistoryTests
{
    [Fact]
    public void Compact_WithinTheLastHour_KeepsEveryPoint()
    {
        var points = Enumerable.Range(0, 120).Select(i => new EquityPoint(Now.AddSeconds(-i * 20), 100_000m + i)).ToArray();

        var kept = EquityHistory.Compact(points, Now);

        Assert.Equal(120, kept.Count);
        Assert.Equal(points.OrderBy(p => p.At), kept);
    }

    [Fact]
    public void Compact_WithinTheDay_KeepsTheLastPointOfEachMinute()
    {
        var minute = Now.AddHours(-3);
        EquityPoint[] points =
        [
            new(minute.AddSeconds(50), 3m),
            new(minute.AddSeconds(10), 1m),
            new(minute.AddSeconds(30), 2m),
            new(minute.AddMinutes(1).AddSeconds(5), 4m),
        ];

        var kept = EquityHistory.Compact(points, Now);

        Assert.Equal([new(minute.AddSeconds(50), 3m), new(minute.AddMinutes(1).AddSeconds(5), 4m)], kept);
    }

    [Fact]
    public void Compact_BeyondTheDay_KeepsTheLastPointOfEachHourAndDropsTheExpired()
    {
        var hour = new DateTime(2026, 2, 20, 10, 0, 0, DateTimeKind.Utc);
        EquityPoint[] points =
        [
            new(Now.AddDays(-400), 0m),
            new(hour.AddMinutes(5), 1m),
            new(hour.AddMinutes(59), 2m),
            new(hour.AddHours(1).AddMinutes(1), 3m),
        ];

        var kept = EquityHistory.Compact(points, Now);

        Assert.Equal([new(hour.AddMinutes(59), 2m), new(hour.AddHours(1).AddMinutes(1), 3m)], kept);
    }

    [Fact]
    public void Compact_OverTheCap_KeepsTheNewest()
    {
        var points = Enumerable.Range(0, 50).Select(i => new EquityPoint(Now.AddSeconds(-i), i)).ToArray();

        var kept = EquityHistory.Compact(points, Now, new EquityHistoryPolicy { MaxPoints = 10 });

        Assert.Equal(10, kept.Count);
        Assert.Equal(Now.AddSeconds(-9), kept[0].At);
        Assert.Equal(Now, kept[^1].At);
    }

    [Fact]
    public void Compact_WithDuplicateInstants_KeepsTheLastGiven()
    {
        EquityPoint[] points = [new(Now, 1m), new(Now, 2m)];

        var kept = EquityHistory.Compact(points, Now);

        Assert.Equal([new(Now, 2m)], kept);
    }

    [Fact]
    public void Compact_WhenAppliedTwice_IsStable()
    {
        var points = Enumerable.Range(0, 5000).Select(i => new EquityPoint(Now.AddSeconds(-i * 37), i)).ToArray();

        var once = EquityHistory.Compact(points, Now);
        var twice = EquityHistory.Compact(once, Now);

        Assert.Equal(once, twice);
        Assert.True(once.Count < points.Length);
    }

    [Theory]
    [InlineData(1, new[] { 2, 4, 5, 6 })] // minutes: 10:00 (the later of two), 10:01, 10:59, 11:30
    [InlineData(60, new[] { 5, 6 })]      // hours: 10:xx ends at 10:59, 11:xx
    [InlineData(1440, new[] { 6 })]       // a UTC day
    public void LastPerBucket_KeepsTheLastPointOfEachInterval_InTimeOrder(int minutes, int[] expected)
    {
        var ten = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
        EquityPoint[] points =
        [
            new(ten.AddSeconds(40), 2m),
            new(ten.AddMinutes(1), 4m),
            new(ten, 1m),
            new(ten.AddMinutes(59).AddSeconds(59), 5m),
            new(ten.AddHours(1).AddMinutes(30), 6m),
        ];

        var kept = EquityHistory.LastPerBucket(points, TimeSpan.FromMinutes(minutes));

        Assert.Equal(expected.Select(e => (decimal)e), kept.Select(p => p.Equity));
        Assert.Equal(kept.OrderBy(p => p.At), kept);
    }
}
