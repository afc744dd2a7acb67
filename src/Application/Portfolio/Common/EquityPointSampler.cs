using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Portfolio.Monitoring;

namespace RiskPlatform.Application.Portfolio.Common;

/// <summary>
/// Decides which marks become equity points: at most one per account per <see cref="MonitoringOptions.EquityPointInterval"/>
/// (the time of each account's last point is kept in this process; a restart or another node records its first mark again).
/// The portfolio state itself is marked on every mark; only the history is sampled. Thread-safe; one entry per account that
/// has been marked since the start.
/// </summary>
internal sealed class EquityPointSampler(IOptions<MonitoringOptions> options)
{
    private readonly ConcurrentDictionary<Guid, DateTime> _lastPointAt = new();

    /// <summary>True (and remembered) when a point of <paramref name="userId"/> at <paramref name="at"/> is due.</summary>
    public bool TryTake(Guid userId, DateTime at)
    {
        var interval = options.Value.EquityPointInterval;
        while (true)
        {
            if (!_lastPointAt.TryGetValue(userId, out var last))
            {
                if (_lastPointAt.TryAdd(userId, at))
                {
                    return true;
                }

                continue;
            }

            // A clock that went back (a test's shifted clock, a corrected host clock) starts the interval again.
            if (at >= last && at - last < interval)
            {
                return false;
            }

            if (_lastPointAt.TryUpdate(userId, at, last))
            {
                return true;
            }
        }
    }

    /// <summary>Records that <paramref name="userId"/> has a point at <paramref name="at"/> (a new state's first point).</summary>
    public void Taken(Guid userId, DateTime at) => _lastPointAt[userId] = at;
}
