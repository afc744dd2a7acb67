namespace RiskPlatform.Application.Common;

/// <summary>
/// The system clock truncated to whole microseconds: PostgreSQL stores timestamps to the microsecond, so a value the
/// service returns right after a save is exactly the value a later read returns.
/// </summary>
public sealed class MicrosecondTimeProvider : TimeProvider
{
    public static MicrosecondTimeProvider Instance { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override long GetTimestamp() => System.GetTimestamp();

    public override long TimestampFrequency => System.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
}
