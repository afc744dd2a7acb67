using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RiskPlatform.Infrastructure.Brokers.Alpaca;

/// <summary>
/// Each key's share of Alpaca's per-account limit (<see cref="AlpacaOptions.RequestsPerMinute"/>), counted on this node in
/// one-minute windows. Users' requests may spend all but <see cref="AlpacaOptions.ServiceReservePercent"/> of it; the rest is
/// kept for the service's own calls (the monitor's liquidations), which may spend the whole limit. So however hard a user
/// drives portfolio-risk or rule tests, the monitor still reaches the broker for that key within the minute.
/// </summary>
internal sealed class AlpacaRequestBudget(IOptions<AlpacaOptions> options, TimeProvider timeProvider)
{
    private static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, Window> _windows = new();

    /// <summary>Takes one request for <paramref name="caller"/>; false, with the wait until the window turns, when its share is spent.</summary>
    public bool TryTake(Guid apiKeyId, AlpacaCaller caller, out TimeSpan retryAfter)
    {
        var settings = options.Value;
        var cap = caller == AlpacaCaller.Service
            ? settings.RequestsPerMinute
            : settings.RequestsPerMinute - (settings.RequestsPerMinute * settings.ServiceReservePercent / 100);
        var now = timeProvider.GetUtcNow();
        var window = _windows.GetOrAdd(apiKeyId, _ => new Window());
        lock (window)
        {
            if (now >= window.Start + WindowLength)
            {
                (window.Start, window.Count) = (now, 0);
            }

            if (window.Count < cap)
            {
                window.Count++;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = window.Start + WindowLength - now;
            return false;
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; } = DateTimeOffset.MinValue;

        public int Count { get; set; }
    }
}
