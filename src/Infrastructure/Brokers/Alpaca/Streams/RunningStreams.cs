namespace RiskPlatform.Infrastructure.Brokers.Alpaca.Streams;

/// <summary>A binding's stream loops and what stops them (disposed once the loops have ended).</summary>
internal sealed record RunningStreams(Task Task, CancellationTokenSource Stop)
{
    /// <summary>Stopping only cancels: the loops end on their own (await <see cref="Task"/> to wait for them).</summary>
    public void Cancel()
    {
        Stop.Cancel();
        _ = Task.ContinueWith(_ => Stop.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
