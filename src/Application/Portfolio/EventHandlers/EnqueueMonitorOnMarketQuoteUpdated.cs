using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData.Events;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Paper;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Portfolio.EventHandlers;

/// <summary>
/// A quote changes the portfolio of every user holding a position or an open order in its symbol: those the monitor watches are
/// queued for a monitor run after the quote commits. The quote request never waits for the monitor.
/// </summary>
internal sealed class EnqueueMonitorOnMarketQuoteUpdated(
    IReadRepository<PaperAccount> accounts,
    IReadRepository<Order> orders,
    IReadRepository<RiskRule> rules,
    IReadRepository<PortfolioState> states,
    IAfterCommitActions afterCommit,
    IMonitorQueue queue) : IDomainEventHandler<MarketQuoteUpdated>
{
    public async Task Handle(MarketQuoteUpdated domainEvent, CancellationToken cancellationToken)
    {
        var holders = new HashSet<Guid>(await accounts.ListAsync(new UsersHoldingSymbolSpec(domainEvent.Symbol), cancellationToken));
        holders.UnionWith(await orders.ListAsync(new UsersWithOpenOrdersInSymbolSpec(domainEvent.Symbol), cancellationToken));
        var watched = await MonitoredUsers.FilterAsync(holders, rules, states, cancellationToken);
        MonitoredUsers.EnqueueAfterCommit(afterCommit, queue, watched);
    }
}
