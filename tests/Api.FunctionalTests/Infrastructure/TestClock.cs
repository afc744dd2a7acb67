using Microsoft.Extensions.Time.Testing;

namespace RiskPlatform.Api.FunctionalTests.Infrastructure;

/// <summary>
/// The host's clock in the shared fixtures: the system clock (truncated to microseconds like the service's) until a test freezes it
/// at an instant with <see cref="Freeze"/>; from then on "now" is a <see cref="FakeTimeProvider"/> the test moves by hand. Timers
/// stay on the system clock, so background services keep running. The fixture releases the clock before every test.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private FakeTimeProvider? _fake;

    /// <summary>Freezes "now" at <paramref name="at"/> and returns the fake clock to advance.</summary>
    public FakeTimeProvider Freeze(DateTimeOffset at) => _fake = new FakeTimeProvider(at);

    /// <summary>Back to the system clock.</summary>
    public void Release() => _fake = null;

    public override DateTimeOffset GetUtcNow()
    {
        var now = _fake?.GetUtcNow() ?? base.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
