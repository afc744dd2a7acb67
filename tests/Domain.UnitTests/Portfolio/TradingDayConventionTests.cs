using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Portfolio.Calendar;
using RiskPlatform.Domain.Portfolio;
using static RiskPlatform.Domain.UnitTests.Portfolio.PortfolioTestData;

namespace RiskPlatform.Domain.UnitTests.Portfolio;

public sealed class TradingDayConventionTests
{
    [Theory]
    // A DST week in March 2026 (New York springs forward Sunday 8 March): closes are 21:00 UTC under EST, 20:00 UTC under EDT.
    [InlineData("2026-03-05T12:00:00", "2026-03-04T21:00:00", "2026-03-05T21:00:00")] // Thursday morning
    [InlineData("2026-03-05T20:59:59", "2026-03-04T21:00:00", "2026-03-05T21:00:00")] // one second before the close
    [InlineData("2026-03-05T21:00:00", "2026-03-05T21:00:00", "2026-03-06T21:00:00")] // the close starts Friday's day
    [InlineData("2026-03-06T22:00:00", "2026-03-06T21:00:00", "2026-03-09T20:00:00")] // Friday evening: next is Monday's close under EDT
    [InlineData("2026-03-07T12:00:00", "2026-03-06T21:00:00", "2026-03-09T20:00:00")] // Saturday
    [InlineData("2026-03-08T12:00:00", "2026-03-06T21:00:00", "2026-03-09T20:00:00")] // Sunday, the DST change
    [InlineData("2026-03-09T19:59:00", "2026-03-06T21:00:00", "2026-03-09T20:00:00")] // Monday before 16:00 EDT
    [InlineData("2026-03-09T20:00:00", "2026-03-09T20:00:00", "2026-03-10T20:00:00")] // Monday 16:00 EDT starts Tuesday's day
    // November 2026 (New York falls back Sunday 1 November).
    [InlineData("2026-10-30T19:30:00", "2026-10-29T20:00:00", "2026-10-30T20:00:00")] // Friday 15:30 EDT
    [InlineData("2026-10-30T20:30:00", "2026-10-30T20:00:00", "2026-11-02T21:00:00")] // Friday after close: Monday's close is EST
    [InlineData("2026-11-01T12:00:00", "2026-10-30T20:00:00", "2026-11-02T21:00:00")] // Sunday, the DST change
    [InlineData("2026-11-02T20:30:00", "2026-10-30T20:00:00", "2026-11-02T21:00:00")] // Monday 15:30 EST
    [InlineData("2026-11-02T21:00:00", "2026-11-02T21:00:00", "2026-11-03T21:00:00")]
    // NYSE holidays: a holiday starts nothing. Early closes (13:00 New York) start the next day at 13:00.
    [InlineData("2026-11-26T18:00:00", "2026-11-25T21:00:00", "2026-11-27T18:00:00")] // Thanksgiving; Friday closes 13:00 EST
    [InlineData("2026-11-27T17:59:59", "2026-11-25T21:00:00", "2026-11-27T18:00:00")] // one second before the early close
    [InlineData("2026-11-27T18:00:00", "2026-11-27T18:00:00", "2026-11-30T21:00:00")] // the early close starts Monday's day
    [InlineData("2026-11-27T20:00:00", "2026-11-27T18:00:00", "2026-11-30T21:00:00")] // 15:00 EST: the day has rolled
    [InlineData("2026-04-04T12:00:00", "2026-04-02T20:00:00", "2026-04-06T20:00:00")] // Good Friday weekend
    [InlineData("2026-07-03T21:00:00", "2026-07-02T20:00:00", "2026-07-06T20:00:00")] // Independence Day observed Friday 3 July
    [InlineData("2026-12-24T17:00:00", "2026-12-23T21:00:00", "2026-12-24T18:00:00")] // Christmas Eve (Thursday) closes 13:00 EST
    [InlineData("2026-12-25T22:00:00", "2026-12-24T18:00:00", "2026-12-28T21:00:00")] // Christmas (Friday)
    [InlineData("2025-07-03T17:00:00", "2025-07-03T17:00:00", "2025-07-07T20:00:00")] // 3 July 2025 closes 13:00 EDT; 4 July (Friday) closed
    [InlineData("2026-12-31T21:30:00", "2026-12-31T21:00:00", "2027-01-04T21:00:00")] // New Year 2027 (Friday)
    [InlineData("2027-07-05T12:00:00", "2027-07-02T20:00:00", "2027-07-06T20:00:00")] // Independence Day observed Monday 5 July 2027
    [InlineData("2027-12-24T12:00:00", "2027-12-23T21:00:00", "2027-12-27T21:00:00")] // Christmas 2027 observed Friday 24 Dec; 23 Dec full day
    [InlineData("2028-01-01T12:00:00", "2027-12-31T21:00:00", "2028-01-03T21:00:00")] // New Year 2028 (Saturday) not observed: 31 Dec trades
    [InlineData("2028-04-14T15:00:00", "2028-04-13T20:00:00", "2028-04-17T20:00:00")] // Good Friday 2028 (computed, past the old table)
    [InlineData("2025-01-09T15:00:00", "2025-01-08T21:00:00", "2025-01-10T21:00:00")] // National day of mourning 2025 (Thursday)
    public void UsEquities_AtInstant_DayStartsAtPreviousTradingDayClose(string instant, string expectedStart, string expectedNext)
    {
        var convention = TradingDayConvention.UsEquities;

        Assert.Equal(Utc(expectedStart), convention.CurrentDayStart(Utc(instant)));
        Assert.Equal(Utc(expectedNext), convention.NextDayStart(Utc(instant)));
    }

    [Theory]
    [InlineData("2026-03-08T00:00:00", "2026-03-08T00:00:00", "2026-03-09T00:00:00")]
    [InlineData("2026-03-08T23:59:59", "2026-03-08T00:00:00", "2026-03-09T00:00:00")]
    [InlineData("2026-11-01T05:00:00", "2026-11-01T00:00:00", "2026-11-02T00:00:00")]
    public void CalendarUtc_AtInstant_DayStartsAtUtcMidnight(string instant, string expectedStart, string expectedNext)
    {
        var convention = TradingDayConvention.CalendarUtc;

        Assert.Equal(Utc(expectedStart), convention.CurrentDayStart(Utc(instant)));
        Assert.Equal(Utc(expectedNext), convention.NextDayStart(Utc(instant)));
    }

    [Theory]
    // London springs forward Sunday 29 March 2026 (01:00 UTC) and falls back Sunday 25 October 2026 (01:00 UTC).
    [InlineData("Europe/London", "2026-03-28T23:30:00", "2026-03-28T00:00:00", "2026-03-29T00:00:00")]
    [InlineData("Europe/London", "2026-03-29T12:00:00", "2026-03-29T00:00:00", "2026-03-29T23:00:00")] // a 23-hour day
    [InlineData("Europe/London", "2026-03-29T23:30:00", "2026-03-29T23:00:00", "2026-03-30T23:00:00")]
    [InlineData("Europe/London", "2026-10-25T12:00:00", "2026-10-24T23:00:00", "2026-10-26T00:00:00")] // a 25-hour day
    [InlineData("Europe/London", "2026-10-24T22:59:00", "2026-10-23T23:00:00", "2026-10-24T23:00:00")]
    [InlineData("America/New_York", "2026-03-08T12:00:00", "2026-03-08T05:00:00", "2026-03-09T04:00:00")]
    [InlineData("America/New_York", "2026-11-01T12:00:00", "2026-11-01T04:00:00", "2026-11-02T05:00:00")]
    [InlineData("Asia/Tokyo", "2026-03-08T16:00:00", "2026-03-08T15:00:00", "2026-03-09T15:00:00")]
    public void CalendarInTimeZone_AtInstant_DayStartsAtLocalMidnight(string zone, string instant, string expectedStart, string expectedNext)
    {
        var convention = TradingDayConvention.CalendarInTimeZone(zone);

        Assert.Equal(Utc(expectedStart), convention.CurrentDayStart(Utc(instant)));
        Assert.Equal(Utc(expectedNext), convention.NextDayStart(Utc(instant)));
    }

    [Fact]
    public void CalendarInTimeZone_WhenMidnightIsSkipped_DayStartsWhenTheGapEnds()
    {
        // Chile springs forward at local midnight on Sunday 6 September 2026: 00:00 -04 becomes 01:00 -03, which is 04:00 UTC.
        var convention = TradingDayConvention.CalendarInTimeZone("America/Santiago");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var midnight = new DateTime(2026, 9, 6, 0, 0, 0, DateTimeKind.Unspecified);
        if (!zone.IsInvalidTime(midnight))
        {
            Assert.Skip("This machine's tz database has no midnight gap in Santiago on 2026-09-06.");
        }

        Assert.Equal(Utc("2026-09-06T04:00:00"), convention.CurrentDayStart(Utc("2026-09-06T12:00:00")));
        Assert.Equal(Utc("2026-09-06T04:00:00"), convention.NextDayStart(Utc("2026-09-05T12:00:00")));
    }

    [Fact]
    public void NextDayStart_OverYears_IsStrictlyIncreasingAndAfterTheInstant()
    {
        foreach (var convention in new[] { TradingDayConvention.UsEquities, TradingDayConvention.CalendarUtc, TradingDayConvention.CalendarInTimeZone("Europe/London") })
        {
            for (var t = Utc(2025, 1, 1, 0); t < Utc(2029, 1, 1, 0); t = t.AddMinutes(97))
            {
                var start = convention.CurrentDayStart(t);
                var next = convention.NextDayStart(t);
                Assert.True(start <= t, $"{convention}: start {start:O} after {t:O}");
                Assert.True(next > t, $"{convention}: next {next:O} not after {t:O}");
                Assert.Equal(next, convention.CurrentDayStart(next));
            }
        }
    }

    [Theory]
    [InlineData(TradingDayKind.UsEquities, null, null)]
    [InlineData(TradingDayKind.CalendarUtc, "Europe/London", null)]
    [InlineData(TradingDayKind.CalendarInTimeZone, " Europe/London ", "Europe/London")]
    public void From_PersistedKindAndZone_RoundTrips(TradingDayKind kind, string? zone, string? expectedZone)
    {
        var convention = TradingDayConvention.From(kind, zone);

        Assert.Equal(kind, convention.Kind);
        Assert.Equal(expectedZone, convention.TimeZoneId);
        Assert.Equal(convention, TradingDayConvention.From(convention.Kind, convention.TimeZoneId));
    }

    [Theory]
    [InlineData("", PortfolioErrors.TimeZoneRequired)]
    [InlineData("Mars/Olympus_Mons", PortfolioErrors.TimeZoneUnknown)]
    public void CalendarInTimeZone_WhenZoneIsBad_Throws(string zone, string code)
    {
        var ex = Assert.Throws<DomainException>(() => TradingDayConvention.CalendarInTimeZone(zone));

        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void UsEquities_DayStart_IsATradingDaysNewYorkClose()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById(TradingDayConvention.NewYorkTimeZoneId);
        var convention = TradingDayConvention.UsEquities;
        for (var t = Utc(2025, 1, 1, 0); t < Utc(2029, 1, 1, 0); t = t.AddMinutes(53))
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(convention.CurrentDayStart(t), newYork);
            var date = DateOnly.FromDateTime(local);

            Assert.Equal(NyseCalendar.CloseTime(date), TimeOnly.FromDateTime(local));
        }
    }
}
