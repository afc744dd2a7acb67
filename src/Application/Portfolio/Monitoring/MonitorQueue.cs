using System.Diagnostics;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.Portfolio.Monitoring;

/// <summary>
/// <see cref="IMonitorQueue"/> in memory: FIFO of distinct waiting users, bounded by <see cref="MonitoringOptions.QueueCapacity"/>,
/// with a count of runs in progress so <see cref="WhenIdleAsync"/> can tell when everything queued so far has been evaluated.
/// A user queued with a delay (<see cref="EnqueueAfter"/>) counts as waiting from that moment (so further changes coalesce into
/// the same run) and joins the FIFO when the delay ends, measured in real time. Thread-safe; one lock guards the queue, the
/// waiting set, the delayed and in-progress counts and the idle signal. The monitor's lag, from the moment a user starts
/// waiting (the quote or fill that queued them, including a coalescing delay) to the start of their run, goes to
/// <paramref name="metrics"/>. Several consumers may dequeue at once, but never the same user twice at a time: a user whose
/// run is in progress when their turn comes waits, still coalescing, until that run completes, and then queue again.
/// </summary>
public sealed class MonitorQueue(IOptions<MonitoringOptions> options, IRiskMetrics? metrics = null) : IMonitorQueue, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<Guid> _queue = new();
    private readonly Dictionary<Guid, long> _waitingSince = [];

    /// <summary>For each user being evaluated, when the first quote or fill that queued this evaluation arrived.</summary>
    private readonly Dictionary<Guid, long> _evaluatingSince = [];
    private readonly HashSet<Guid> _running = [];
    private readonly HashSet<Guid> _afterRun = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly int _capacity = options.Value.QueueCapacity;
    private int _inProgress;
    private int _delayed;
    private int _screening;
    private bool _disposed;
    private TaskCompletionSource? _idle;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public bool Enqueue(Guid userId)
    {
        lock (_gate)
        {
            if (!CanWait(userId))
            {
                return false;
            }

            _waitingSince.Add(userId, Stopwatch.GetTimestamp());
            _queue.Enqueue(userId);
        }

        _available.Release();
        return true;
    }

    public bool EnqueueAfter(Guid userId, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Enqueue(userId);
        }

        lock (_gate)
        {
            if (!CanWait(userId))
            {
                return false;
            }

            _waitingSince.Add(userId, Stopwatch.GetTimestamp());
            _delayed++;
        }

        _ = ReleaseAfterAsync(userId, delay);
        return true;
    }

    private async Task ReleaseAfterAsync(Guid userId, TimeSpan delay)
    {
        await Task.Delay(delay).ConfigureAwait(false);
        lock (_gate)
        {
            _delayed--;
            if (_disposed)
            {
                return;
            }

            _queue.Enqueue(userId);
        }

        _available.Release();
    }

    /// <summary>Not waiting yet, and room left (delayed users count). Call under the lock.</summary>
    private bool CanWait(Guid userId) => !_waitingSince.ContainsKey(userId) && _queue.Count + _delayed < _capacity;

    public async ValueTask<Guid> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken);
            Guid userId;
            long since;
            lock (_gate)
            {
                userId = _queue.Dequeue();
                if (!_running.Add(userId))
                {
                    // Their run is in progress on another consumer: they wait (still coalescing) until it completes.
                    _afterRun.Add(userId);
                    continue;
                }

                _waitingSince.Remove(userId, out since);
                _evaluatingSince[userId] = since;
                _inProgress++;
            }

            metrics?.MonitorLag(Stopwatch.GetElapsedTime(since));
            return userId;
        }
    }

    public void Complete(Guid userId)
    {
        TaskCompletionSource? idle = null;
        var again = false;
        long since = 0;
        bool evaluated;
        lock (_gate)
        {
            _running.Remove(userId);
            evaluated = _evaluatingSince.Remove(userId, out since);
            if (_afterRun.Remove(userId) && !_disposed)
            {
                _queue.Enqueue(userId);
                again = true;
            }

            _inProgress = Math.Max(0, _inProgress - 1);
            idle = TakeIdleSignal();
        }

        if (evaluated)
        {
            metrics?.MonitorEvaluated(Stopwatch.GetElapsedTime(since));
        }

        if (again)
        {
            _available.Release();
        }

        idle?.TrySetResult();
    }

    public void BeginScreen(Guid userId)
    {
        lock (_gate)
        {
            _screening++;
        }
    }

    public void EndScreen(Guid userId)
    {
        TaskCompletionSource? idle;
        lock (_gate)
        {
            _screening = Math.Max(0, _screening - 1);
            idle = TakeIdleSignal();
        }

        idle?.TrySetResult();
    }

    /// <summary>Nothing waiting, delayed, in progress or screening. Call under the lock.</summary>
    private bool IsIdle => _inProgress == 0 && _queue.Count == 0 && _delayed == 0 && _screening == 0;

    /// <summary>The idle signal to complete (outside the lock) when idle now, else null. Call under the lock.</summary>
    private TaskCompletionSource? TakeIdleSignal()
    {
        if (!IsIdle)
        {
            return null;
        }

        var idle = _idle;
        _idle = null;
        return idle;
    }

    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        Task idle;
        lock (_gate)
        {
            if (IsIdle)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
        }

        return idle.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _available.Dispose();
    }
}
