using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Email;

/// <summary>The wake-up signal of <see cref="AccountEmailWorker"/>: a mail was stored and committed, look now rather than at the next poll.</summary>
internal sealed class AccountEmailOutbox : IAccountEmailOutbox, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker will look once for all.
        }
    }

    /// <summary>Waits for <see cref="Wake"/> or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
