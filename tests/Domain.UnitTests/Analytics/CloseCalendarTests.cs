using RiskPlatform.Domain.Analytics;

namespace RiskPlatform.Domain.UnitTests.Analytics;

public sealed class CloseCalendarTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Fact]
    public void CommonDays_AreTheLatestDatesEverySymbolHas_Ascending_AtMostTheDestinationsLength()
    {
        var calendar = CloseCalendar.Of(
        [
            [(Start.AddDays(3), 4m), (Start, 1m), (Start.AddDays(1), 2m), (Start.AddDays(4), 5m)],
            [(Start.AddDays(4), 50m), (Start.AddDays(1), 20m), (Start.AddDays(2), 30m), (Start, 10m)],
        ]);
        var days = new int[3];

        var count = calendar.CommonDays([0, 1], days);

        Assert.Equal(5, calendar.Length);
        Assert.Equal(3, count);
        Assert.Equal([Start, Start.AddDays(1), Start.AddDays(4)], days.Select(calendar.DateAt));
        Assert.Equal(2, calendar.CommonDays([0, 1], days.AsSpan(0, 2)));
        Assert.Equal([Start.AddDays(1), Start.AddDays(4)], days[..2].Select(calendar.DateAt));
    }

    [Fact]
    public void Returns_AreBetweenConsecutiveGivenDays_SkippingTheDaysBetween()
    {
        var calendar = CloseCalendar.Of([[(Start, 100m), (Start.AddDays(1), 50m), (Start.AddDays(2), 110m)]]);
        var returns = new double[1];

        calendar.Returns(0, [0, 2], returns);

        Assert.Equal(0.1, returns[0], 12);
    }

    [Fact]
    public void Of_WithADateListedTwice_KeepsItsFirstClose()
    {
        var calendar = CloseCalendar.Of([[(Start, 100m), (Start.AddDays(1), 110m), (Start.AddDays(1), 999m)]]);
        var returns = new double[1];

        calendar.Returns(0, [0, 1], returns);

        Assert.Equal(2, calendar.Length);
        Assert.Equal(0.1, returns[0], 12);
    }

    [Fact]
    public void Of_DatesCenturiesApart_AreOnOneCalendarLikeNeighbouringDates()
    {
        DateOnly[] dates = [new(1, 1, 1), new(9000, 1, 1), new(9000, 1, 2)];
        var closes = new Dictionary<string, IReadOnlyList<(DateOnly, decimal)>>
        {
            ["A"] = [(dates[2], 121m), (dates[0], 100m), (dates[1], 110m)],
            ["B"] = [(dates[0], 10m), (dates[2], 10m), (dates[1], 20m)],
        };

        var aligned = AlignedReturns.From(closes, maxReturns: 10);

        Assert.Equal(dates[1..], aligned.Dates);
        Assert.Equal([0.1, 0.1], aligned.Returns["A"].Select(r => Math.Round(r, 12)));
        Assert.Equal([1d, -0.5], aligned.Returns["B"].Select(r => Math.Round(r, 12)));
    }

    [Fact]
    public void Window_IsTheReturnsPlusOne_AtMostTheCalendar()
    {
        var calendar = CloseCalendar.Of([[.. Enumerable.Range(0, 10).Select(i => (Start.AddDays(i), 10m + i))]]);

        Assert.Equal((4, 10, 10, 0), (calendar.Window(3), calendar.Window(9), calendar.Window(int.MaxValue), calendar.Window(-1)));
    }
}
