using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.MarketData.Events;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.EventHandlers;

/// <summary>
/// The paper broker's matching: a new quote fills every resting paper order it crosses, in every account with open orders in
/// the symbol, inside the save that set the quote (the fills raise OrderFilled and position events in the next round).
/// </summary>
internal sealed class FillRestingPaperOrdersOnMarketQuoteUpdated(IRepository<PaperAccount> accounts)
    : IDomainEventHandler<MarketQuoteUpdated>
{
    public async Task Handle(MarketQuoteUpdated domainEvent, CancellationToken cancellationToken)
    {
        var holders = await accounts.ListAsync(new PaperAccountsWithOpenOrdersInSymbolSpec(domainEvent.Symbol), cancellationToken);
        if (holders.Count == 0)
        {
            return;
        }

        // A detached copy of the quote as it was set; the tracked quote has already raised its event.
        var quote = MarketQuote.FromBidAskLast(domainEvent.Symbol, domainEvent.Bid, domainEvent.Ask, domainEvent.Last, domainEvent.OccurredAt);
        foreach (var account in holders)
        {
            account.ApplyQuote(quote, domainEvent.OccurredAt);
        }
    }
}
