using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// One circuit breaker per API key (a singleton keyed by the key id and its credential generation, so rotated credentials start
/// closed). <see cref="AlpacaOptions.CircuitBreakerFailures"/> consecutive failed calls open it; while open every call is refused
/// without reaching Alpaca; after <see cref="AlpacaOptions.CircuitBreakerCooldownSeconds"/> one trial call is let through
/// (half-open): success closes it, failure opens it for another cool-down, and a trial that ends any other way (rate limited,
/// cancelled, credentials unusable) hands the slot back through <see cref="ReleaseTrial"/> so the next caller can try.
/// Beside the breaker each key has a "rate limited until" (<see cref="RecordRateLimited"/>): after a 429 whose Retry-After was too
/// long to wait, calls before that moment fail fast without reaching Alpaca.
/// </summary>
internal sealed class AlpacaCircuitBreakers(IOptions<AlpacaOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<(Guid ApiKeyId, long Generation), Breaker> _breakers = new();
    private readonly ConcurrentDictionary<(Guid ApiKeyId, long Generation), DateTimeOffset> _rateLimitedUntil = new();

    /// <summary>
    /// Throws <see cref="AlpacaCallException"/> (rate limited, or circuit open) unless a call may go out now. True when this
    /// caller took the half-open trial slot: it must end with <see cref="RecordSuccess"/>, <see cref="RecordFailure"/> or
    /// <see cref="ReleaseTrial"/> (call the last in a finally; it is harmless after the others).
    /// </summary>
    public bool EnsureCallAllowed(Guid apiKeyId, long generation)
    {
        EnsureNotRateLimited(apiKeyId, generation);
        if (!_breakers.TryGetValue((apiKeyId, generation), out var breaker))
        {
            return false;
        }

        lock (breaker)
        {
            if (breaker.OpenUntil is not { } openUntil)
            {
                return false;
            }

            var now = timeProvider.GetUtcNow();
            if (now >= openUntil && !breaker.TrialInFlight)
            {
                breaker.TrialInFlight = true; // half-open: this caller is the trial
                return true;
            }

            var wait = openUntil > now ? openUntil - now : TimeSpan.FromSeconds(options.Value.CircuitBreakerCooldownSeconds);
            throw new AlpacaCallException(
                AlpacaFailure.CircuitOpen,
                $"Alpaca calls with this key are paused after {breaker.ConsecutiveFailures} consecutive failures "
                + $"(circuit open; next try in {Seconds(wait)} s). Last failure: {breaker.LastFailure}");
        }
    }

    /// <summary>
    /// Hands back the half-open trial slot of a trial that ended without <see cref="RecordSuccess"/> or <see cref="RecordFailure"/>:
    /// the circuit stays open-and-cooled-down, so the next caller becomes the trial. A no-op when there is no trial in flight.
    /// </summary>
    public void ReleaseTrial(Guid apiKeyId, long generation)
    {
        if (_breakers.TryGetValue((apiKeyId, generation), out var breaker))
        {
            lock (breaker)
            {
                breaker.TrialInFlight = false;
            }
        }
    }

    /// <summary>Records a failed call; true when this failure opened the circuit.</summary>
    public bool RecordFailure(Guid apiKeyId, long generation, string reason)
    {
        var breaker = _breakers.GetOrAdd((apiKeyId, generation), _ => new Breaker());
        lock (breaker)
        {
            breaker.ConsecutiveFailures++;
            breaker.LastFailure = reason;
            var wasOpen = breaker.OpenUntil is not null;
            breaker.TrialInFlight = false;
            if (breaker.ConsecutiveFailures < options.Value.CircuitBreakerFailures && !wasOpen)
            {
                return false;
            }

            breaker.OpenUntil = timeProvider.GetUtcNow().AddSeconds(options.Value.CircuitBreakerCooldownSeconds);
            return !wasOpen;
        }
    }

    /// <summary>Records a call that worked: the circuit closes.</summary>
    public void RecordSuccess(Guid apiKeyId, long generation) => _breakers.TryRemove((apiKeyId, generation), out _);

    /// <summary>Alpaca answered 429 and asked for <paramref name="retryAfter"/>: calls with the key fail fast until then.</summary>
    public void RecordRateLimited(Guid apiKeyId, long generation, TimeSpan retryAfter)
    {
        var until = timeProvider.GetUtcNow() + retryAfter;
        _rateLimitedUntil.AddOrUpdate((apiKeyId, generation), until, (_, current) => current > until ? current : until);
    }

    /// <summary>Closes every circuit of a key (after a successful verification).</summary>
    public void Reset(Guid apiKeyId)
    {
        foreach (var key in _breakers.Keys.Where(k => k.ApiKeyId == apiKeyId))
        {
            _breakers.TryRemove(key, out _);
        }
    }

    /// <summary>Circuits open now (refusing calls, or cooled down and waiting for their trial call), for the metrics.</summary>
    public int OpenCount => _breakers.Values.Count(IsOpenOrCooledDown);

    /// <summary>True while calls with the key are refused (open and not yet cooled down), for tests and diagnostics.</summary>
    public bool IsOpen(Guid apiKeyId, long generation) =>
        _breakers.TryGetValue((apiKeyId, generation), out var breaker) && breaker.OpenUntil > timeProvider.GetUtcNow();

    private static bool IsOpenOrCooledDown(Breaker breaker)
    {
        lock (breaker)
        {
            return breaker.OpenUntil is not null;
        }
    }

    private void EnsureNotRateLimited(Guid apiKeyId, long generation)
    {
        if (!_rateLimitedUntil.TryGetValue((apiKeyId, generation), out var until))
        {
            return;
        }

        var wait = until - timeProvider.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            _rateLimitedUntil.TryRemove(new KeyValuePair<(Guid, long), DateTimeOffset>((apiKeyId, generation), until));
            return;
        }

        throw new AlpacaCallException(
            AlpacaFailure.RateLimited,
            $"Alpaca's rate limit for this key was reached; retry after {Seconds(wait)} s (nothing was sent).",
            retryAfter: wait);
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private sealed class Breaker
    {
        public int ConsecutiveFailures { get; set; }

        public DateTimeOffset? OpenUntil { get; set; }

        public bool TrialInFlight { get; set; }

        public string LastFailure { get; set; } = string.Empty;
    }
}
