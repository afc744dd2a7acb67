using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Domain.Trading.Paper.Events;

namespace RiskPlatform.Application.Portfolio.EventHandlers;

/// <summary>
/// A paper fill changes its owner's portfolio: the owner is queued for a monitor run after the fill commits
/// (<see cref="FillMonitoring"/>, coalesced).
/// </summary>
internal sealed class EnqueueMonitorOnOrderFilled(FillMonitoring monitoring) : IDomainEventHandler<OrderFilled>
{
    public Task Handle(OrderFilled domainEvent, CancellationToken cancellationToken)
    {
        monitoring.EnqueueAfterCommit(domainEvent.UserId);
        return Task.CompletedTask;
    }
}
