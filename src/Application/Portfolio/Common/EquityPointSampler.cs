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

    /// <summary>The longest an account goes between equity points while it is marked.</summary>
    public TimeSpan Interval => options.Value.EquityPointInterval;

    /// <summary>True when a point of <paramref name="userId"/> at <paramref name="at"/> is due (nothing is remembered).</summary>
    public bool IsDue(Guid userId, DateTime at) =>
        !_lastPointAt.TryGetValue(userId, out var last) || !IsWithinInterval(last, at);

    /// <summary>True (and remembered) when a point of <paramref name="userId"/> at <paramref name="at"/> is due.</summary>
    public bool TryTake(Guid userId, DateTime at)
    {
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

            if (IsWithinInterval(last, at))
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

    /// <summary>
    /// Whether <paramref name="at"/> falls within the interval after the point at <paramref name="last"/>. A clock that went back
    /// (a test's shifted clock, a corrected host clock) starts the interval again.
    /// </summary>
    private bool IsWithinInterval(DateTime last, DateTime at) => at >= last && at - last < options.Value.EquityPointInterval;
}
