using System.Diagnostics;

namespace RiskPlatform.Application.Portfolio.Monitoring;

/// <summary>
/// One account's requests for a screen after new quotes (<see cref="QuoteScreening"/>): at most one screen runs at a time and at
/// most one more waits, which every request made meanwhile joins, so the latest quotes win and a busy account never
/// accumulates work. Remembers when the oldest request not yet screened arrived, for the monitor's lag. Thread-safe.
/// </summary>
public sealed class ScreenRequests
{
    private readonly Lock _gate = new();
    private bool _running;
    private bool _requested;
    private long _requestedAt;

    /// <summary>Records a request; true when no screen runs, so the caller must start one (and call <see cref="Take"/>).</summary>
    internal bool Request()
    {
        lock (_gate)
        {
            if (!_requested)
            {
                _requested = true;
                _requestedAt = Stopwatch.GetTimestamp();
            }

            if (_running)
            {
                return false;
            }

            _running = true;
            return true;
        }
    }

    /// <summary>A screen starts: it covers every request so far; returns when the oldest of them arrived (a timestamp).</summary>
    internal long Take()
    {
        lock (_gate)
        {
            _requested = false;
            return _requestedAt;
        }
    }

    /// <summary>A screen ended: true when requests arrived while it ran (screen again), false when none did (no screen runs now).</summary>
    internal bool Again()
    {
        lock (_gate)
        {
            _running = _requested;
            return _requested;
        }
    }
}
