using Microsoft.Extensions.Options;
using NSubstitute;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;

namespace RiskPlatform.Application.UnitTests.Portfolio;

public sealed class MonitorQueueTests : IDisposable
{
    private readonly MonitorQueue _queue = new(Options.Create(new MonitoringOptions { QueueCapacity = 3 }));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enqueue_WhenTheUserIsAlreadyWaiting_CoalescesIntoOneRun()
    {
        var (ann, bob) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.True(_queue.Enqueue(ann));
        Assert.True(_queue.Enqueue(bob));
        Assert.False(_queue.Enqueue(ann));

        Assert.Equal(2, _queue.Count);
        Assert.Equal(ann, await _queue.DequeueAsync(Cancellation));
        Assert.Equal(bob, await _queue.DequeueAsync(Cancellation));
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public async Task Enqueue_WhileTheUserIsBeingEvaluated_QueuesThemAgain()
    {
        var ann = Guid.NewGuid();
        _queue.Enqueue(ann);
        await _queue.DequeueAsync(Cancellation);

        Assert.True(_queue.Enqueue(ann));
        Assert.False(_queue.Enqueue(ann));
        Assert.Equal(1, _queue.Count);
    }

    [Fact]
    public async Task DequeueAsync_NeverHandsAUserInProgressToASecondConsumer_ButAfterTheirRunCompletes()
    {
        var (ann, bob) = (Guid.NewGuid(), Guid.NewGuid());
        _queue.Enqueue(ann);
        Assert.Equal(ann, await _queue.DequeueAsync(Cancellation));
        _queue.Enqueue(ann);
        _queue.Enqueue(bob);

        // A second consumer skips Ann, whose run is still in progress, and gets Bob; nobody gets Ann until her run completes.
        Assert.Equal(bob, await _queue.DequeueAsync(Cancellation));
        var third = _queue.DequeueAsync(Cancellation).AsTask();
        await Task.Delay(50, Cancellation);
        Assert.False(third.IsCompleted);
        Assert.False(_queue.Enqueue(ann));

        _queue.Complete(ann);

        Assert.Equal(ann, await third.WaitAsync(TimeSpan.FromSeconds(5), Cancellation));
        _queue.Complete(bob);
        _queue.Complete(ann);
        await _queue.WhenIdleAsync(Cancellation).WaitAsync(TimeSpan.FromSeconds(5), Cancellation);
    }

    [Fact]
    public void Enqueue_WhenFull_RefusesNewUsers()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(_queue.Enqueue(Guid.NewGuid()));
        }

        Assert.False(_queue.Enqueue(Guid.NewGuid()));
        Assert.Equal(3, _queue.Count);
    }

    [Fact]
    public async Task WhenIdleAsync_CompletesOnlyOnceEveryQueuedUserHasCompleted()
    {
        var (ann, bob) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.True(_queue.WhenIdleAsync(Cancellation).IsCompleted);
        _queue.Enqueue(ann);
        _queue.Enqueue(bob);

        var idle = _queue.WhenIdleAsync(Cancellation);
        var first = await _queue.DequeueAsync(Cancellation);
        _queue.Complete(first);
        Assert.False(idle.IsCompleted);
        var second = await _queue.DequeueAsync(Cancellation);
        _queue.Enqueue(second); // re-queued by its own run (e.g. its liquidation filled)
        _queue.Complete(second);
        Assert.False(idle.IsCompleted);
        _queue.Complete(await _queue.DequeueAsync(Cancellation));

        await idle.WaitAsync(TimeSpan.FromSeconds(5), Cancellation);
        Assert.True(_queue.WhenIdleAsync(Cancellation).IsCompleted);
    }

    [Fact]
    public async Task DequeueAsync_WaitsForTheNextUser()
    {
        var waiting = _queue.DequeueAsync(Cancellation).AsTask();
        Assert.False(waiting.IsCompleted);
        var ann = Guid.NewGuid();

        _queue.Enqueue(ann);

        Assert.Equal(ann, await waiting.WaitAsync(TimeSpan.FromSeconds(5), Cancellation));
    }

    [Fact]
    public async Task EnqueueAfter_CoalescesEveryChangeOfTheWindowIntoOneRun_AndIsWaitedForByWhenIdle()
    {
        var ann = Guid.NewGuid();

        Assert.True(_queue.EnqueueAfter(ann, TimeSpan.FromMilliseconds(200)));
        Assert.False(_queue.EnqueueAfter(ann, TimeSpan.FromMilliseconds(200)));
        Assert.False(_queue.Enqueue(ann));
        var idle = _queue.WhenIdleAsync(Cancellation);

        Assert.Equal(0, _queue.Count);
        Assert.False(idle.IsCompleted);
        Assert.Equal(ann, await _queue.DequeueAsync(Cancellation).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancellation));
        Assert.False(idle.IsCompleted);
        _queue.Complete(ann);
        await idle.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
        Assert.True(_queue.EnqueueAfter(ann, TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void EnqueueAfter_CountsTowardsTheCapacity()
    {
        Assert.True(_queue.EnqueueAfter(Guid.NewGuid(), TimeSpan.FromMinutes(1)));
        Assert.True(_queue.Enqueue(Guid.NewGuid()));
        Assert.True(_queue.EnqueueAfter(Guid.NewGuid(), TimeSpan.FromMinutes(1)));

        Assert.False(_queue.Enqueue(Guid.NewGuid()));
        Assert.False(_queue.EnqueueAfter(Guid.NewGuid(), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task EnqueueAfter_WithNoDelay_QueuesAtOnce()
    {
        var ann = Guid.NewGuid();

        Assert.True(_queue.EnqueueAfter(ann, TimeSpan.Zero));

        Assert.Equal(1, _queue.Count);
        Assert.Equal(ann, await _queue.DequeueAsync(Cancellation));
    }

    [Fact]
    public async Task Complete_RecordsTheTimeFromTheFirstQuoteThatQueuedTheUser_ToTheEndOfTheirEvaluation()
    {
        var metrics = Substitute.For<IRiskMetrics>();
        using var queue = new MonitorQueue(Options.Create(new MonitoringOptions()), metrics);
        var ann = Guid.NewGuid();
        queue.Enqueue(ann);
        await Task.Delay(20, Cancellation);
        queue.Enqueue(ann);
        await queue.DequeueAsync(Cancellation);
        await Task.Delay(20, Cancellation);

        queue.Complete(ann);

        metrics.Received(1).MonitorLag(Arg.Is<TimeSpan>(t => t >= TimeSpan.FromMilliseconds(15)));
        metrics.Received(1).MonitorEvaluated(Arg.Is<TimeSpan>(t => t >= TimeSpan.FromMilliseconds(30)));
    }

    [Fact]
    public void Complete_OfAUserNeverDequeued_RecordsNoEvaluation()
    {
        var metrics = Substitute.For<IRiskMetrics>();
        using var queue = new MonitorQueue(Options.Create(new MonitoringOptions()), metrics);

        queue.Complete(Guid.NewGuid());

        metrics.DidNotReceiveWithAnyArgs().MonitorEvaluated(default);
    }

    [Fact]
    public async Task WhenIdleAsync_WaitsForAScreenOutsideTheQueue_AndForWhatItQueued()
    {
        var ann = Guid.NewGuid();
        _queue.BeginScreen(ann);
        var idle = _queue.WhenIdleAsync(Cancellation);
        _queue.Enqueue(ann);

        _queue.EndScreen(ann);
        await Task.Delay(20, Cancellation);
        Assert.False(idle.IsCompleted);

        await _queue.DequeueAsync(Cancellation);
        _queue.Complete(ann);
        await idle.WaitAsync(TimeSpan.FromSeconds(5), Cancellation);
    }

    public void Dispose() => _queue.Dispose();
}
