using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.Notifications;

/// <summary>
/// A daily quiet window in the user's time zone, from <see cref="StartHour"/>:00 (inclusive) to <see cref="EndHour"/>:00
/// (exclusive), read on the local wall clock. <c>22–7</c> crosses midnight; <c>9–17</c> is a same-day window.
/// <c>Start == End</c> is an <b>empty</b> window (never quiet): a whole-day window would have no end to schedule for.
/// </summary>
/// <remarks>
/// DST: membership is decided by the local wall-clock hour, so a window follows the clock across changes. The end of the
/// window is the first real instant at which the wall clock reads <see cref="EndHour"/>:00 or later: on a spring-forward
/// day where that hour does not exist it is the transition instant; on a fall-back day where it occurs twice it is the
/// first occurrence still in the future.
/// </remarks>
public sealed record QuietHours
{
    private readonly TimeZoneInfo _timeZone;

    private QuietHours(int startHour, int endHour, TimeZoneInfo timeZone, string timeZoneId)
    {
        StartHour = startHour;
        EndHour = endHour;
        _timeZone = timeZone;
        TimeZoneId = timeZoneId;
    }

    public int StartHour { get; }

    public int EndHour { get; }

    public string TimeZoneId { get; }

    public bool IsEmpty => StartHour == EndHour;

    /// <summary>Validates the hours (0–23) and resolves the time zone; throws <see cref="DomainException"/> otherwise.</summary>
    public static QuietHours Create(int startHour, int endHour, string timeZoneId)
    {
        NotificationPreference.EnsureHour(startHour, NotificationPreference.Errors.QuietStartHourOutOfRange, "quiet_start_hour");
        NotificationPreference.EnsureHour(endHour, NotificationPreference.Errors.QuietEndHourOutOfRange, "quiet_end_hour");
        var timeZone = NotificationPreference.ResolveTimeZone(timeZoneId);
        return new QuietHours(startHour, endHour, timeZone, timeZoneId.Trim());
    }

    /// <summary>Whether the instant falls inside the window on the user's wall clock.</summary>
    public bool Contains(DateTime utcInstant) => ContainsLocalHour(ToLocal(utcInstant).Hour);

    /// <summary>
    /// The UTC instant at which the window containing <paramref name="utcInstant"/> ends, or <see langword="null"/>
    /// when the instant is outside the window.
    /// </summary>
    public DateTime? EndOfWindowUtc(DateTime utcInstant)
    {
        var utc = AsUtc(utcInstant);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, _timeZone);
        if (!ContainsLocalHour(local.Hour))
        {
            return null;
        }

        // Same-day window, or the morning part of a window across midnight: it ends today. The evening part ends tomorrow.
        var endDate = StartHour > EndHour && local.Hour >= StartHour ? local.Date.AddDays(1) : local.Date;
        var endLocal = DateTime.SpecifyKind(endDate.AddHours(EndHour), DateTimeKind.Unspecified);
        return LocalToUtcAfter(endLocal, utc);
    }

    private bool ContainsLocalHour(int hour)
    {
        if (StartHour == EndHour)
        {
            return false;
        }

        return StartHour < EndHour
            ? hour >= StartHour && hour < EndHour
            : hour >= StartHour || hour < EndHour;
    }

    private DateTime ToLocal(DateTime utcInstant) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utcInstant), _timeZone);

    /// <summary>The first real instant after <paramref name="after"/> at which the wall clock reads <paramref name="local"/> or later.</summary>
    private DateTime LocalToUtcAfter(DateTime local, DateTime after)
    {
        if (_timeZone.IsInvalidTime(local))
        {
            // Spring forward: the hour is skipped. The clock first reads "local or later" at the first valid minute after the gap.
            var firstValid = local;
            for (var i = 0; i < 24 * 60 && _timeZone.IsInvalidTime(firstValid); i++)
            {
                firstValid = firstValid.AddMinutes(1);
            }

            return TimeZoneInfo.ConvertTimeToUtc(firstValid, _timeZone);
        }

        if (_timeZone.IsAmbiguousTime(local))
        {
            // Fall back: the hour happens twice. Take the earliest occurrence that is still ahead of us.
            var candidates = _timeZone.GetAmbiguousTimeOffsets(local)
                .Select(offset => DateTime.SpecifyKind(local - offset, DateTimeKind.Utc))
                .Order()
                .ToList();
            return candidates.FirstOrDefault(c => c > after, candidates[^1]);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, _timeZone);
    }

    private static DateTime AsUtc(DateTime instant) => instant.Kind switch
    {
        DateTimeKind.Utc => instant,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        _ => throw new ArgumentException("Quiet hours take UTC instants, not local times.", nameof(instant)),
    };
}
