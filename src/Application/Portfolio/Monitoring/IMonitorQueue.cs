namespace RiskPlatform.Application.Portfolio.Monitoring;

/// <summary>
/// The in-process queue of users whose portfolio changed and must be re-evaluated by the monitor. Coalescing: a user already
/// waiting is not queued twice (one run sees every change made before it starts). A user being evaluated may be queued again,
/// since the running evaluation may have read the portfolio before the change.
/// </summary>
public interface IMonitorQueue
{
    /// <summary>Queues the user; false when already waiting or when the queue is full (the poller picks the user up later).</summary>
    bool Enqueue(Guid userId);

    /// <summary>
    /// Queues the user once <paramref name="delay"/> has passed (real time), so that every change in between is evaluated by one
    /// run (a burst of fills); the user counts as waiting from now on. False when already waiting or when the queue is full.
    /// </summary>
    bool EnqueueAfter(Guid userId, TimeSpan delay);

    /// <summary>Waits for the next user and marks them in progress; call <see cref="Complete"/> when done.</summary>
    ValueTask<Guid> DequeueAsync(CancellationToken cancellationToken);

    /// <summary>The run of a dequeued user has finished (successfully or not).</summary>
    void Complete(Guid userId);

    /// <summary>
    /// An evaluation outside the queue has begun: an account's actor screening itself after new quotes
    /// (<see cref="QuoteScreening"/>). Until the matching <see cref="EndScreen"/>, <see cref="WhenIdleAsync"/> waits for it, and
    /// so for whatever the screen queues before it ends.
    /// </summary>
    void BeginScreen(Guid userId);

    /// <summary>The screen begun by <see cref="BeginScreen"/> has ended (whatever its outcome).</summary>
    void EndScreen(Guid userId);

    /// <summary>Users waiting (not counting those in progress).</summary>
    int Count { get; }

    /// <summary>Completes when no user is waiting, in progress or being screened (for tests and orderly shutdown).</summary>
    Task WhenIdleAsync(CancellationToken cancellationToken = default);
}
