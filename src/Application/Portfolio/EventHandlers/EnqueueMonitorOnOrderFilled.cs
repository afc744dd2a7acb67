using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Domain.Trading.Events;

namespace RiskPlatform.Application.Portfolio.EventHandlers;

/// <summary>
/// A fill changes its owner's portfolio: the owner is queued for a monitor run after the fill commits, once the coalescing
/// window (<see cref="MonitoringOptions.FillCoalescing"/>) has passed, so a burst of fills costs one run. Nothing is read: an
/// account that fills has a portfolio state (its first order created it), and a run with nothing to watch writes nothing.
/// </summary>
internal sealed class EnqueueMonitorOnOrderFilled(
    IAfterCommitActions afterCommit,
    IMonitorQueue queue,
    IOptions<MonitoringOptions> options) : IDomainEventHandler<OrderFilled>
{
    public Task Handle(OrderFilled domainEvent, CancellationToken cancellationToken)
    {
        var userId = domainEvent.UserId;
        var delay = options.Value.FillCoalescing;
        afterCommit.Enqueue(_ =>
        {
            queue.EnqueueAfter(userId, delay);
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }
}
