using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Events;

namespace RiskPlatform.Application.Portfolio.EventHandlers;

/// <summary>A fill changes its owner's portfolio: a watched user is queued for a monitor run after the fill commits.</summary>
internal sealed class EnqueueMonitorOnOrderFilled(
    IReadRepository<RiskRule> rules,
    IReadRepository<PortfolioState> states,
    IAfterCommitActions afterCommit,
    IMonitorQueue queue) : IDomainEventHandler<OrderFilled>
{
    public async Task Handle(OrderFilled domainEvent, CancellationToken cancellationToken)
    {
        var watched = await MonitoredUsers.FilterAsync([domainEvent.UserId], rules, states, cancellationToken);
        MonitoredUsers.EnqueueAfterCommit(afterCommit, queue, watched);
    }
}
