using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Application.Portfolio.Monitoring;

/// <summary>
/// Per scope: queues an account whose order filled for a monitor run once the command has committed, after the coalescing
/// window (<see cref="MonitoringOptions.FillCoalescing"/>), so a burst of fills costs one run. Nothing is read: an account that
/// fills has a portfolio state (its first order created it), and a run with nothing to watch writes nothing.
/// </summary>
public sealed class FillMonitoring(IAfterCommitActions afterCommit, IMonitorQueue queue, IOptions<MonitoringOptions> options)
{
    public void EnqueueAfterCommit(Guid userId)
    {
        var delay = options.Value.FillCoalescing;
        afterCommit.Enqueue(_ =>
        {
            queue.EnqueueAfter(userId, delay);
            return Task.CompletedTask;
        });
    }
}
