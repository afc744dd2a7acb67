using Microsoft.Extensions.Logging;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Monitoring;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData.Events;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Portfolio.EventHandlers;

/// <summary>
/// Quotes change the portfolio of every user holding a position or an open order in their symbols. Once the quotes have
/// committed, and before the quote request is answered, those users are found by the same few queries however many quotes
/// the save set, outside the quotes' transaction (on SQLite the writer, on PostgreSQL the symbols' bar locks, are not held
/// for them). The actor of each paper holder (a position or an open paper order in the symbols) is told the new quotes: it
/// values the account's reads with what it remembers of them, and screens the account for the monitor on its own
/// (<see cref="QuoteScreening"/>), so the monitor sees the new quotes. The owners of other open orders (at an external
/// broker) that the monitor watches are queued for it. A holder whose actor cannot be told is queued too. The quote request
/// never waits for the monitor.
/// </summary>
internal sealed partial class TellHoldersOnMarketQuoteUpdated(
    IPaperHolders paperHolders,
    IReadRepository<Order> orders,
    IReadRepository<RiskRule> rules,
    IReadRepository<PortfolioState> states,
    IAfterCommitActions afterCommit,
    IAccountActors actors,
    IMonitorQueue queue,
    ILogger<TellHoldersOnMarketQuoteUpdated> logger) : IDomainEventBatchHandler<MarketQuoteUpdated>
{
    public Task Handle(IReadOnlyList<MarketQuoteUpdated> domainEvents, CancellationToken cancellationToken)
    {
        // The last quote of each symbol the save set.
        var quotes = domainEvents
            .GroupBy(e => e.Symbol, StringComparer.Ordinal)
            .Select(g => g.Last())
            .Select(e => new QuoteMark(e.Symbol, e.MarkPrice, e.OccurredAt))
            .ToList();
        afterCommit.Enqueue(token => TellHoldersAsync(quotes, token));
        return Task.CompletedTask;
    }

    private async Task TellHoldersAsync(IReadOnlyList<QuoteMark> quotes, CancellationToken cancellationToken)
    {
        var symbols = quotes.Select(q => q.Symbol).ToList();
        IReadOnlyList<Guid> told;
        IReadOnlyList<Guid> watched;
        try
        {
            told = await paperHolders.HoldingOrOrderingAsync(symbols, cancellationToken);
            var others = (await orders.ListAsync(new UsersWithOpenOrdersInSymbolsSpec(symbols), cancellationToken))
                .Except(told)
                .ToList();
            watched = await MonitoredUsers.FilterAsync(others, rules, states, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The holders' actors value reads with older quotes for at most AccountMemory.QuoteLifetime; the poller evaluates them.
            LogHoldersNotFound(exception, string.Join(", ", symbols));
            return;
        }

        foreach (var userId in watched)
        {
            queue.Enqueue(userId);
        }

        await Task.WhenAll(told.Select(holder => TellAsync(holder, quotes, cancellationToken)));
    }

    private async Task TellAsync(Guid holder, IReadOnlyList<QuoteMark> quotes, CancellationToken cancellationToken)
    {
        try
        {
            await actors.QuotesChangedAsync(holder, quotes, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The actor may value a read with an older quote until the next quote or command, at most AccountMemory.QuoteLifetime;
            // the monitor's worker evaluates the account instead of its actor.
            LogNotTold(exception, holder);
            queue.Enqueue(holder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The holders of {Symbols} could not be found after their quotes committed; their actors were not told")]
    private partial void LogHoldersNotFound(Exception exception, string symbols);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The actor of {AccountUserId} could not be told of new quotes; queued for the monitor")]
    private partial void LogNotTold(Exception exception, Guid accountUserId);
}
