using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RiskPlatform.Infrastructure.Brokers.Alpaca;

namespace RiskPlatform.Infrastructure.IntegrationTests.Brokers;

public sealed class AlpacaCircuitBreakersTests
{
    private static readonly Guid Key = Guid.CreateVersion7();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
    private readonly AlpacaCircuitBreakers _breakers;

    public AlpacaCircuitBreakersTests() =>
        _breakers = new AlpacaCircuitBreakers(
            Options.Create(new AlpacaOptions { CircuitBreakerFailures = 3, CircuitBreakerCooldownSeconds = 30 }), _time);

    [Fact]
    public void RecordFailure_OpensOnlyAtTheThreshold_ThenRefusesCalls()
    {
        Assert.False(_breakers.RecordFailure(Key, 0, "HTTP 500"));
        Assert.False(_breakers.RecordFailure(Key, 0, "HTTP 500"));
        _breakers.EnsureCallAllowed(Key, 0);

        Assert.True(_breakers.RecordFailure(Key, 0, "HTTP 500"));

        var refused = Assert.Throws<AlpacaCallException>(() => _breakers.EnsureCallAllowed(Key, 0));
        Assert.Equal(AlpacaFailure.CircuitOpen, refused.Failure);
        Assert.Contains("HTTP 500", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordSuccess_ResetsTheCount()
    {
        _breakers.RecordFailure(Key, 0, "x");
        _breakers.RecordFailure(Key, 0, "x");
        _breakers.RecordSuccess(Key, 0);

        Assert.False(_breakers.RecordFailure(Key, 0, "x"));
        Assert.False(_breakers.IsOpen(Key, 0));
    }

    [Fact]
    public void AfterTheCooldown_OneTrialGoesThrough_FailureReopens_SuccessCloses()
    {
        Open();
        _time.Advance(TimeSpan.FromSeconds(30));

        _breakers.EnsureCallAllowed(Key, 0); // the trial
        Assert.Throws<AlpacaCallException>(() => _breakers.EnsureCallAllowed(Key, 0)); // others wait for it
        Assert.False(_breakers.RecordFailure(Key, 0, "still down"));
        Assert.True(_breakers.IsOpen(Key, 0));

        _time.Advance(TimeSpan.FromSeconds(30));
        _breakers.EnsureCallAllowed(Key, 0);
        _breakers.RecordSuccess(Key, 0);
        _breakers.EnsureCallAllowed(Key, 0);
        _breakers.EnsureCallAllowed(Key, 0);
    }

    [Fact]
    public void EnsureCallAllowed_TellsOnlyTheTrialCallerItIsTheTrial_AndReleaseTrialLetsTheNextCallerTry()
    {
        Assert.False(_breakers.EnsureCallAllowed(Key, 0)); // closed: no trial
        Open();
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(_breakers.EnsureCallAllowed(Key, 0));
        Assert.Throws<AlpacaCallException>(() => _breakers.EnsureCallAllowed(Key, 0));
        _breakers.ReleaseTrial(Key, 0);

        Assert.True(_breakers.EnsureCallAllowed(Key, 0)); // the next caller is the trial now
    }

    [Fact]
    public void RecordRateLimited_RefusesCallsUntilTheWindowHasPassed_EvenWithTheCircuitClosed()
    {
        _breakers.RecordRateLimited(Key, 0, TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(9.5));

        var refused = Assert.Throws<AlpacaCallException>(() => _breakers.EnsureCallAllowed(Key, 0));
        Assert.Equal((AlpacaFailure.RateLimited, (TimeSpan?)TimeSpan.FromSeconds(0.5)), (refused.Failure, refused.RetryAfter));
        Assert.Contains("retry after 1 s", refused.Message, StringComparison.Ordinal);
        _breakers.EnsureCallAllowed(Guid.CreateVersion7(), 0); // other keys are not limited

        _time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.False(_breakers.EnsureCallAllowed(Key, 0));
    }

    [Fact]
    public void Circuits_ArePerKeyAndPerCredentialGeneration_AndResetClosesAllOfAKey()
    {
        Open();

        _breakers.EnsureCallAllowed(Guid.CreateVersion7(), 0);
        _breakers.EnsureCallAllowed(Key, 1); // rotated credentials start closed
        _breakers.Reset(Key);
        _breakers.EnsureCallAllowed(Key, 0);
    }

    private void Open()
    {
        for (var i = 0; i < 3; i++)
        {
            _breakers.RecordFailure(Key, 0, "HTTP 500");
        }
    }
}
