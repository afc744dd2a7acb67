using RiskPlatform.Domain.Portfolio.Calendar;

namespace RiskPlatform.Application.Portfolio.Common;

/// <summary>
/// The caller's trading-day convention (<c>time_zone</c> set only for <see cref="TradingDayConventionName.TimeZone"/>) and the
/// current trading day it gives: <c>current_day_start</c> and <c>next_day_start</c> (UTC), the instant the day-start equity rolls.
/// </summary>
public sealed record TradingDayConventionDto(
    TradingDayConventionName Convention,
    string? TimeZone,
    DateTime CurrentDayStart,
    DateTime NextDayStart)
{
    public static TradingDayConventionName NameOf(TradingDayKind kind) => kind switch
    {
        TradingDayKind.CalendarUtc => TradingDayConventionName.Utc,
        TradingDayKind.CalendarInTimeZone => TradingDayConventionName.TimeZone,
        _ => TradingDayConventionName.UsEquities,
    };

    /// <summary>The stored state's convention and day (marks may lag: the day is computed for <paramref name="now"/>).</summary>
    public static TradingDayConventionDto At(TradingDayConvention convention, DateTime now) => new(
        NameOf(convention.Kind), convention.TimeZoneId, convention.CurrentDayStart(now), convention.NextDayStart(now));
}
