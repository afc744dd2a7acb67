using System.Globalization;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.Notifications;

namespace RiskPlatform.Domain.UnitTests.Notifications;

public sealed class QuietHoursTests
{
    private const string NewYork = "America/New_York";
    private const string London = "Europe/London";

    private static DateTime Utc(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    [Theory]
    [InlineData("2026-01-15T21:59:59", false)]
    [InlineData("2026-01-15T22:00:00", true)]
    [InlineData("2026-01-15T23:30:00", true)]
    [InlineData("2026-01-16T00:00:00", true)]
    [InlineData("2026-01-16T06:59:59", true)]
    [InlineData("2026-01-16T07:00:00", false)]
    [InlineData("2026-01-16T12:00:00", false)]
    public void Contains_WhenWindowCrossesMidnight_IsTrueFromStartUntilEnd(string instant, bool expected)
    {
        var quiet = QuietHours.Create(22, 7, "UTC");

        Assert.Equal(expected, quiet.Contains(Utc(instant)));
    }

    [Theory]
    [InlineData("2026-01-15T08:59:59", false)]
    [InlineData("2026-01-15T09:00:00", true)]
    [InlineData("2026-01-15T16:59:59", true)]
    [InlineData("2026-01-15T17:00:00", false)]
    [InlineData("2026-01-15T23:00:00", false)]
    [InlineData("2026-01-15T03:00:00", false)]
    public void Contains_WhenSameDayWindow_IsTrueFromStartUntilEnd(string instant, bool expected)
    {
        var quiet = QuietHours.Create(9, 17, "UTC");

        Assert.Equal(expected, quiet.Contains(Utc(instant)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(23)]
    public void Contains_WhenStartEqualsEnd_WindowIsEmpty(int hour)
    {
        var quiet = QuietHours.Create(hour, hour, "UTC");

        Assert.True(quiet.IsEmpty);
        for (var h = 0; h < 24; h++)
        {
            var instant = new DateTime(2026, 1, 15, h, 30, 0, DateTimeKind.Utc);
            Assert.False(quiet.Contains(instant));
            Assert.Null(quiet.EndOfWindowUtc(instant));
        }
    }

    [Theory]
    [InlineData("2026-01-15T23:00:00", "2026-01-16T07:00:00")]
    [InlineData("2026-01-16T03:00:00", "2026-01-16T07:00:00")]
    [InlineData("2026-01-15T22:00:00", "2026-01-16T07:00:00")]
    public void EndOfWindowUtc_WhenAcrossMidnight_IsNextEndHour(string now, string expected)
    {
        var quiet = QuietHours.Create(22, 7, "UTC");

        Assert.Equal(Utc(expected), quiet.EndOfWindowUtc(Utc(now)));
    }

    [Fact]
    public void EndOfWindowUtc_WhenSameDayWindow_IsEndHourToday()
    {
        var quiet = QuietHours.Create(9, 17, "UTC");

        Assert.Equal(Utc("2026-01-15T17:00:00"), quiet.EndOfWindowUtc(Utc("2026-01-15T10:15:00")));
    }

    [Theory]
    [InlineData("2026-01-15T07:00:00")]
    [InlineData("2026-01-15T21:59:00")]
    public void EndOfWindowUtc_WhenOutsideWindow_IsNull(string now)
    {
        var quiet = QuietHours.Create(22, 7, "UTC");

        Assert.Null(quiet.EndOfWindowUtc(Utc(now)));
    }

    [Theory]
    // New York in winter (UTC-5): 23:00 local is 04:00Z, 07:00 local is 12:00Z.
    [InlineData(NewYork, 22, 7, "2026-01-16T04:00:00", "2026-01-16T12:00:00")]
    // London in summer (UTC+1): 23:00 BST is 22:00Z, 07:00 BST is 06:00Z.
    [InlineData(London, 22, 7, "2026-07-15T22:00:00", "2026-07-16T06:00:00")]
    // 21:00Z is 22:00 BST: inside.
    [InlineData(London, 22, 7, "2026-07-15T21:00:00", "2026-07-16T06:00:00")]
    public void EndOfWindowUtc_WhenTimeZoneIsNotUtc_UsesTheUsersWallClock(string zone, int start, int end, string now, string expected)
    {
        var quiet = QuietHours.Create(start, end, zone);

        Assert.Equal(Utc(expected), quiet.EndOfWindowUtc(Utc(now)));
    }

    [Fact]
    public void Contains_WhenTimeZoneIsNotUtc_ReadsTheLocalHour()
    {
        var quiet = QuietHours.Create(22, 7, NewYork);

        // 02:00Z is 21:00 EST (outside); 03:00Z is 22:00 EST (inside).
        Assert.False(quiet.Contains(Utc("2026-01-16T02:00:00")));
        Assert.True(quiet.Contains(Utc("2026-01-16T03:00:00")));
    }

    [Theory]
    // Spring forward, New York, 2026-03-08 02:00 EST -> 03:00 EDT (07:00Z). 23:00 EST on the 7th is 04:00Z.
    // 07:00 EDT is 11:00Z, not the 12:00Z a fixed EST offset would give.
    [InlineData(NewYork, 22, 7, "2026-03-08T04:00:00", "2026-03-08T11:00:00")]
    // The window ends at 02:00, which does not exist that night: it ends when the clock jumps, 07:00Z.
    [InlineData(NewYork, 22, 2, "2026-03-08T04:00:00", "2026-03-08T07:00:00")]
    // Fall back, New York, 2026-11-01 02:00 EDT -> 01:00 EST (06:00Z). 23:00 EDT on Oct 31 is 03:00Z; 07:00 EST is 12:00Z.
    [InlineData(NewYork, 22, 7, "2026-11-01T03:00:00", "2026-11-01T12:00:00")]
    // The window ends at 01:00, which happens twice: the first time the clock reads 01:00, 01:00 EDT = 05:00Z.
    [InlineData(NewYork, 22, 1, "2026-11-01T03:00:00", "2026-11-01T05:00:00")]
    // Window 00-02 during the repeated hour (01:30 EST = 06:30Z) ends at 02:00 EST = 07:00Z.
    [InlineData(NewYork, 0, 2, "2026-11-01T06:30:00", "2026-11-01T07:00:00")]
    // Spring forward, London, 2026-03-29 01:00 GMT -> 02:00 BST (01:00Z). 23:00 GMT on the 28th; 07:00 BST is 06:00Z.
    [InlineData(London, 22, 7, "2026-03-28T23:00:00", "2026-03-29T06:00:00")]
    // Ends at 01:00, skipped that night: ends at the jump, 01:00Z.
    [InlineData(London, 23, 1, "2026-03-28T23:30:00", "2026-03-29T01:00:00")]
    // Fall back, London, 2026-10-25 02:00 BST -> 01:00 GMT (01:00Z). 23:30 BST on the 24th is 22:30Z; 07:00 GMT is 07:00Z.
    [InlineData(London, 22, 7, "2026-10-24T22:30:00", "2026-10-25T07:00:00")]
    // Ends at 01:00, which happens twice: first occurrence, 01:00 BST = 00:00Z.
    [InlineData(London, 23, 1, "2026-10-24T22:30:00", "2026-10-25T00:00:00")]
    public void EndOfWindowUtc_WhenNightHasDstChange_IsRealEndInstant(string zone, int start, int end, string now, string expected)
    {
        var quiet = QuietHours.Create(start, end, zone);

        Assert.Equal(Utc(expected), quiet.EndOfWindowUtc(Utc(now)));
    }

    [Fact]
    public void Contains_WhenFallBackRepeatsHourAfterWindowEnd_StaysOutside()
    {
        var quiet = QuietHours.Create(22, 1, NewYork);

        // 01:30 EDT (05:30Z) and 01:30 EST (06:30Z) both read hour 1: outside the 22-1 window.
        Assert.False(quiet.Contains(Utc("2026-11-01T05:30:00")));
        Assert.False(quiet.Contains(Utc("2026-11-01T06:30:00")));
        Assert.True(quiet.Contains(Utc("2026-11-01T04:59:00")));
    }

    [Fact]
    public void Contains_WhenWindowStartIsSkippedBySpringForward_IsInsideAfterTheJump()
    {
        var quiet = QuietHours.Create(2, 6, NewYork);

        // 06:59Z is 01:59 EST (outside); 07:00Z is 03:00 EDT (inside, the clock jumped past 02:00).
        Assert.False(quiet.Contains(Utc("2026-03-08T06:59:00")));
        Assert.True(quiet.Contains(Utc("2026-03-08T07:00:00")));
        Assert.Equal(Utc("2026-03-08T10:00:00"), quiet.EndOfWindowUtc(Utc("2026-03-08T07:00:00")));
    }

    [Fact]
    public void EndOfWindowUtc_WhenInstantIsUnspecifiedKind_TreatsItAsUtc()
    {
        var quiet = QuietHours.Create(22, 7, "UTC");
        var unspecified = new DateTime(2026, 1, 15, 23, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal(Utc("2026-01-16T07:00:00"), quiet.EndOfWindowUtc(unspecified));
    }

    [Fact]
    public void Contains_WhenInstantIsLocalKind_Throws()
    {
        var quiet = QuietHours.Create(22, 7, "UTC");

        Assert.Throws<ArgumentException>(() => quiet.Contains(new DateTime(2026, 1, 15, 23, 0, 0, DateTimeKind.Local)));
    }

    [Theory]
    [InlineData(-1, 7, NotificationPreference.Errors.QuietStartHourOutOfRange)]
    [InlineData(24, 7, NotificationPreference.Errors.QuietStartHourOutOfRange)]
    [InlineData(22, -1, NotificationPreference.Errors.QuietEndHourOutOfRange)]
    [InlineData(22, 24, NotificationPreference.Errors.QuietEndHourOutOfRange)]
    public void Create_WhenHourOutOfRange_ThrowsWithFieldCode(int start, int end, string code)
    {
        var ex = Assert.Throws<DomainException>(() => QuietHours.Create(start, end, "UTC"));

        Assert.Equal(code, ex.Code);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WhenTimeZoneUnknown_ThrowsTimeZoneCode(string zone)
    {
        var ex = Assert.Throws<DomainException>(() => QuietHours.Create(22, 7, zone));

        Assert.Equal(NotificationPreference.Errors.TimeZoneUnknown, ex.Code);
    }

    [Theory]
    [InlineData(NewYork, 22, 7)]
    [InlineData(NewYork, 22, 2)]
    [InlineData(NewYork, 23, 1)]
    [InlineData(NewYork, 1, 3)]
    [InlineData(London, 22, 7)]
    [InlineData(London, 23, 1)]
    [InlineData(London, 0, 2)]
    [InlineData(London, 9, 17)]
    public void EndOfWindowUtc_WhenSweptOverAYear_IsFirstInstantOutsideAnUnbrokenWindow(string zone, int start, int end)
    {
        var quiet = QuietHours.Create(start, end, zone);
        var step = TimeSpan.FromMinutes(20);

        for (var now = new DateTime(2026, 1, 1, 0, 10, 0, DateTimeKind.Utc); now.Year == 2026; now = now.AddMinutes(170))
        {
            var windowEnd = quiet.EndOfWindowUtc(now);
            Assert.Equal(quiet.Contains(now), windowEnd is not null);
            if (windowEnd is not { } endUtc)
            {
                continue;
            }

            Assert.True(endUtc > now, $"{zone} {start}-{end}: end {endUtc:O} not after {now:O}");
            Assert.True(endUtc - now <= TimeSpan.FromHours(25), $"{zone} {start}-{end}: window from {now:O} to {endUtc:O} too long");
            Assert.False(quiet.Contains(endUtc), $"{zone} {start}-{end}: {endUtc:O} should be outside");
            Assert.True(quiet.Contains(endUtc.AddMinutes(-1)), $"{zone} {start}-{end}: minute before {endUtc:O} should be inside");
            for (var t = now; t < endUtc; t += step)
            {
                Assert.True(quiet.Contains(t), $"{zone} {start}-{end}: {t:O} between {now:O} and {endUtc:O} should be inside");
            }
        }
    }
}
