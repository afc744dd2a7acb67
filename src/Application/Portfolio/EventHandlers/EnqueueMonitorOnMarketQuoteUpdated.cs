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
/// Quotes change the portfolio of every user holding a position or an open order in their symbols: those the monitor watches
/// are queued for a monitor run after the quotes commit, found by the same few queries however many quotes the save set. The
/// quote request never waits for the monitor.
/// </summary>
internal sealed class EnqueueMonitorOnMarketQuoteUpdated(
    IReadRepository<PaperAccount> accounts,
    IReadRepository<Order> orders,
    IReadRepository<RiskRule> rules,
    IReadRepository<PortfolioState> states,
    IAfterCommitActions afterCommit,
    IMonitorQueue queue) : IDomainEventBatchHandler<MarketQuoteUpdated>
{
    public async Task Handle(IReadOnlyList<MarketQuoteUpdated> domainEvents, CancellationToken cancellationToken)
    {
        var symbols = domainEvents.Select(e => e.Symbol).Distinct(StringComparer.Ordinal).ToList();
        var holders = new HashSet<Guid>(await accounts.ListAsync(new UsersHoldingSymbolsSpec(symbols), cancellationToken));
        holders.UnionWith(await orders.ListAsync(new UsersWithOpenOrdersInSymbolsSpec(symbols), cancellationToken));
        var watched = await MonitoredUsers.FilterAsync(holders, rules, states, cancellationToken);
        MonitoredUsers.EnqueueAfterCommit(afterCommit, queue, watched);
    }
}
