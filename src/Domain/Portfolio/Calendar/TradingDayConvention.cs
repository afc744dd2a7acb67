using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Portfolio.Calendar;

/// <summary>
/// When a user's trading day starts. Persist it as <see cref="Kind"/> plus <see cref="TimeZoneId"/> (null except for
/// <see cref="TradingDayKind.CalendarInTimeZone"/>) and rebuild it with <see cref="From"/>. All instants are UTC; conversions go
/// through <see cref="TimeZoneInfo"/>, so daylight-saving changes are handled by the time-zone rules.
/// <list type="bullet">
/// <item><see cref="TradingDayKind.UsEquities"/>: trading days and closes come from <see cref="NyseCalendar"/> (Monday–Friday
/// except NYSE holidays; 16:00 America/New_York, or 13:00 on an early-close day). The trading day that includes an instant
/// started at the most recent close of a trading day (the close that ended the previous trading day). Saturday, Sunday and
/// Monday before 16:00 belong to the day that started at Friday's close; Monday 16:00 starts Tuesday's day; the day after
/// Thanksgiving closes at 13:00, so 13:00 starts the next trading day. A holiday starts nothing.</item>
/// <item><see cref="TradingDayKind.CalendarUtc"/>: 00:00 UTC.</item>
/// <item><see cref="TradingDayKind.CalendarInTimeZone"/>: the first instant of the local calendar date (local midnight, or the end
/// of a daylight-saving gap where midnight does not exist).</item>
/// </list>
/// </summary>
public sealed class TradingDayConvention : IEquatable<TradingDayConvention>
{
    /// <summary>The exchange time zone of <see cref="TradingDayKind.UsEquities"/>.</summary>
    public const string NewYorkTimeZoneId = "America/New_York";

    /// <summary>The longest IANA id accepted (the same bound as notification preferences).</summary>
    public const int TimeZoneIdMaxLength = 64;

    private static readonly Lazy<TimeZoneInfo> NewYork = new(() => TimeZoneInfo.FindSystemTimeZoneById(NewYorkTimeZoneId));

    private readonly TimeZoneInfo _zone;

    private TradingDayConvention(TradingDayKind kind, string? timeZoneId, TimeZoneInfo zone)
    {
        Kind = kind;
        TimeZoneId = timeZoneId;
        _zone = zone;
    }

    /// <summary>The default convention: US equities.</summary>
    public static TradingDayConvention UsEquities { get; } = new(TradingDayKind.UsEquities, null, NewYork.Value);

    public static TradingDayConvention CalendarUtc { get; } = new(TradingDayKind.CalendarUtc, null, TimeZoneInfo.Utc);

    public TradingDayKind Kind { get; }

    /// <summary>The IANA id for <see cref="TradingDayKind.CalendarInTimeZone"/>; null for the other kinds.</summary>
    public string? TimeZoneId { get; }

    /// <summary>
    /// The calendar day in an IANA time zone. Throws <see cref="DomainException"/> <see cref="PortfolioErrors.TimeZoneRequired"/>
    /// when blank, <see cref="PortfolioErrors.TimeZoneUnknown"/> when the id does not resolve.
    /// </summary>
    public static TradingDayConvention CalendarInTimeZone(string timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            throw new DomainException(PortfolioErrors.TimeZoneRequired, "A calendar trading day in a time zone needs an IANA time zone id.");
        }

        var id = timeZoneId.Trim();
        if (id.Length > TimeZoneIdMaxLength)
        {
            throw new DomainException(PortfolioErrors.TimeZoneUnknown, $"Time zone id must be at most {TimeZoneIdMaxLength} characters.");
        }

        try
        {
            return new TradingDayConvention(TradingDayKind.CalendarInTimeZone, id, TimeZoneInfo.FindSystemTimeZoneById(id));
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new DomainException(PortfolioErrors.TimeZoneUnknown, $"Unknown time zone '{id}'; use an IANA id such as \"Europe/London\".", ex);
        }
    }

    /// <summary>Rebuilds a persisted convention. <paramref name="timeZoneId"/> is ignored unless the kind needs it.</summary>
    public static TradingDayConvention From(TradingDayKind kind, string? timeZoneId) => kind switch
    {
        TradingDayKind.UsEquities => UsEquities,
        TradingDayKind.CalendarUtc => CalendarUtc,
        TradingDayKind.CalendarInTimeZone => CalendarInTimeZone(timeZoneId ?? string.Empty),
        _ => throw new DomainException(PortfolioErrors.TradingDayKindUnknown, "Unknown trading day convention."),
    };

    /// <summary>The start (UTC) of the trading day that includes <paramref name="utcNow"/>.</summary>
    public DateTime CurrentDayStart(DateTime utcNow)
    {
        utcNow = AsUtc(utcNow);
        if (Kind == TradingDayKind.UsEquities)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, _zone);
            var date = DateOnly.FromDateTime(local);
            var close = NyseCalendar.CloseTime(date);
            if (close is null || TimeOnly.FromDateTime(local) < close.Value)
            {
                // Today has not closed (or is no trading day): the day started at the previous trading day's close.
                do
                {
                    date = date.AddDays(-1);
                }
                while (!NyseCalendar.IsTradingDay(date));
            }

            return CloseOf(date);
        }

        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, _zone));
        var start = StartOfLocalDate(localDate);

        // A local midnight that occurs twice (clocks set back at midnight) starts the day at its first occurrence; guard the
        // second-occurrence edge where the computed start would lie after the instant itself.
        return start <= utcNow ? start : StartOfLocalDate(localDate.AddDays(-1));
    }

    /// <summary>The start (UTC) of the trading day after the one that includes <paramref name="utcNow"/>.</summary>
    public DateTime NextDayStart(DateTime utcNow)
    {
        utcNow = AsUtc(utcNow);
        var current = CurrentDayStart(utcNow);
        if (Kind == TradingDayKind.UsEquities)
        {
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(current, _zone)).AddDays(1);
            while (!NyseCalendar.IsTradingDay(date))
            {
                date = date.AddDays(1);
            }

            return CloseOf(date);
        }

        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(current, _zone));
        return StartOfLocalDate(localDate.AddDays(1));
    }

    public bool Equals(TradingDayConvention? other) =>
        other is not null && Kind == other.Kind && string.Equals(TimeZoneId, other.TimeZoneId, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as TradingDayConvention);

    public override int GetHashCode() => HashCode.Combine(Kind, TimeZoneId);

    public override string ToString() => TimeZoneId is null ? Kind.ToString() : $"{Kind}({TimeZoneId})";

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>
    /// The close of trading day <paramref name="date"/> (16:00 or 13:00 New York), in UTC. Neither time is ever inside a US
    /// daylight-saving transition (those happen at 02:00).
    /// </summary>
    private DateTime CloseOf(DateOnly date)
    {
        var close = NyseCalendar.CloseTime(date)
            ?? throw new ArgumentOutOfRangeException(nameof(date), date, "Not an NYSE trading day.");
        return TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(close, DateTimeKind.Unspecified), _zone);
    }

    /// <summary>The first instant (UTC) whose local date in the zone is <paramref name="date"/>.</summary>
    private DateTime StartOfLocalDate(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
        {
            // Midnight falls in a spring-forward gap: the day starts when the gap ends. Gaps are whole minutes.
            while (_zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(1);
            }
        }

        if (_zone.IsAmbiguousTime(local))
        {
            var offsets = _zone.GetAmbiguousTimeOffsets(local);
            var earliest = offsets.Max();
            return DateTime.SpecifyKind(local - earliest, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, _zone);
    }
}
