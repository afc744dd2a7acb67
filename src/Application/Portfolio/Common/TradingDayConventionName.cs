namespace RiskPlatform.Application.Portfolio.Common;

/// <summary>
/// A trading-day convention on the wire: <c>us_equities</c> (the default: the day starts at the America/New_York close of the
/// previous NYSE trading day, 16:00 or 13:00 on an early-close day), <c>utc</c> (calendar day in UTC) or <c>time_zone</c> (calendar day in an IANA time zone).
/// </summary>
public enum TradingDayConventionName
{
    UsEquities,
    Utc,
    TimeZone,
}
