namespace RiskPlatform.Domain.Portfolio.Calendar;

/// <summary>How a user's trading day is delimited. Wire values: <c>us_equities</c>, <c>calendar_utc</c>, <c>calendar_in_time_zone</c>.</summary>
public enum TradingDayKind
{
    /// <summary>
    /// The day starts at the America/New_York close of the previous NYSE trading day: 16:00, or 13:00 on an early-close day
    /// (see <see cref="NyseCalendar"/>). The default.
    /// </summary>
    UsEquities,

    /// <summary>The day starts at 00:00 UTC.</summary>
    CalendarUtc,

    /// <summary>The day starts at local midnight in an IANA time zone.</summary>
    CalendarInTimeZone,
}
