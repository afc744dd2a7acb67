namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>
/// The system clock plus an offset the test can move forward, so a host's retry backoff can be skipped while its timers
/// (poll delays) keep running in real time. Tokens minted after a shift are ahead of the validating clock: sign in first.
/// </summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public void Shift(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Truncated to whole microseconds, like the service's clock (PostgreSQL's precision).</summary>
    public override DateTimeOffset GetUtcNow()
    {
        var now = base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
