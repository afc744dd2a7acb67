using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData.Events;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.EventHandlers;

/// <summary>
/// Every quote the service receives also goes into its symbol's bar of the quote's UTC minute, beside the daily bar and in the
/// same save (the quote's, never an order's): the first quote of a minute opens the bar, later ones move high, low and close.
/// The quote commands hold the symbol's <see cref="QuoteBarLocks"/> lock, so concurrent quotes of one symbol take turns here too.
/// </summary>
internal sealed class RollQuoteIntoMinuteBarOnMarketQuoteUpdated(IRepository<MinuteBar> bars) : IDomainEventHandler<MarketQuoteUpdated>
{
    public async Task Handle(MarketQuoteUpdated domainEvent, CancellationToken cancellationToken)
    {
        var price = decimal.Round(domainEvent.Last ?? ((domainEvent.Bid + domainEvent.Ask) / 2m), 8);
        var start = MinuteBar.MinuteOf(domainEvent.OccurredAt);
        var bar = await bars.FirstOrDefaultAsync(new MinuteBarOfSymbolAtSpec(domainEvent.Symbol, start), cancellationToken);
        if (bar is null)
        {
            bars.Add(MinuteBar.FromQuote(domainEvent.Symbol, start, price));
        }
        else
        {
            bar.Include(price);
        }
    }
}
