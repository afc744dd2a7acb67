using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData.Events;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.EventHandlers;

/// <summary>
/// Every quote the service receives goes into its symbol's daily bar of the quote's New York date, in the quote's own save: the
/// first quote of a date opens the bar, later ones move high, low and close. The price is the quote's mark (last, else mid).
/// The quote commands hold the symbol's <see cref="QuoteBarLocks"/> lock by then, so concurrent quotes of one symbol roll into it
/// one after the other.
/// </summary>
internal sealed class RollQuoteIntoDailyBarOnMarketQuoteUpdated(IRepository<PriceBar> bars) : IDomainEventHandler<MarketQuoteUpdated>
{
    public async Task Handle(MarketQuoteUpdated domainEvent, CancellationToken cancellationToken)
    {
        var price = domainEvent.Last ?? ((domainEvent.Bid + domainEvent.Ask) / 2m);
        var date = PriceBar.TradingDateOf(domainEvent.OccurredAt);
        var bar = await bars.FirstOrDefaultAsync(new PriceBarOfSymbolOnDateSpec(domainEvent.Symbol, date), cancellationToken);
        if (bar is null)
        {
            bars.Add(PriceBar.FromQuote(domainEvent.Symbol, date, decimal.Round(price, 8)));
        }
        else
        {
            bar.Include(decimal.Round(price, 8));
        }
    }
}
