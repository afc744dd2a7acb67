using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// One circuit breaker per API key (a singleton keyed by the key id and its credential generation, so rotated credentials start
/// closed). <see cref="AlpacaOptions.CircuitBreakerFailures"/> consecutive failed calls open it; while open every call is refused
/// without reaching Alpaca; after <see cref="AlpacaOptions.CircuitBreakerCooldownSeconds"/> one trial call is let through
/// (half-open): success closes it, failure opens it for another cool-down.
/// </summary>
internal sealed class AlpacaCircuitBreakers(IOptions<AlpacaOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<(Guid ApiKeyId, long Generation), Breaker> _breakers = new();

    /// <summary>Throws <see cref="AlpacaCallException"/> (circuit open) unless a call may go out now.</summary>
    public void EnsureCallAllowed(Guid apiKeyId, long generation)
    {
        if (!_breakers.TryGetValue((apiKeyId, generation), out var breaker))
        {
            return;
        }

        lock (breaker)
        {
            if (breaker.OpenUntil is not { } openUntil)
            {
                return;
            }

            var now = timeProvider.GetUtcNow();
            if (now >= openUntil && !breaker.TrialInFlight)
            {
                breaker.TrialInFlight = true; // half-open: this caller is the trial
                return;
            }

            var wait = openUntil > now ? openUntil - now : TimeSpan.FromSeconds(options.Value.CircuitBreakerCooldownSeconds);
            throw new AlpacaCallException(
                AlpacaFailure.CircuitOpen,
                $"Alpaca calls with this key are paused after {breaker.ConsecutiveFailures} consecutive failures "
                + $"(circuit open; next try in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s). Last failure: {breaker.LastFailure}");
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

    /// <summary>Closes every circuit of a key (after a successful verification).</summary>
    public void Reset(Guid apiKeyId)
    {
        foreach (var key in _breakers.Keys.Where(k => k.ApiKeyId == apiKeyId))
        {
            _breakers.TryRemove(key, out _);
        }
    }

    /// <summary>True while calls with the key are refused (open and not yet cooled down), for tests and diagnostics.</summary>
    public bool IsOpen(Guid apiKeyId, long generation) =>
        _breakers.TryGetValue((apiKeyId, generation), out var breaker) && breaker.OpenUntil > timeProvider.GetUtcNow();

    private sealed class Breaker
    {
        public int ConsecutiveFailures { get; set; }

        public DateTimeOffset? OpenUntil { get; set; }

        public bool TrialInFlight { get; set; }

        public string LastFailure { get; set; } = string.Empty;
    }
}
