using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData.Events;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.EventHandlers;

/// <summary>
/// Every quote the service receives goes into its symbol's daily bar of the quote's New York date and into its bar of the quote's
/// UTC minute, in the quote's own save (never an order's): the first quote of a date (of a minute) opens the bar, later ones
/// move high, low and close. The price is the quote's mark (last, else mid). The quote commands hold the symbol's
/// <see cref="QuoteBarLocks"/> lock by then, so concurrent quotes of one symbol roll into them one after the other.
/// </summary>
internal sealed class RollQuoteIntoBarsOnMarketQuoteUpdated(IRepository<PriceBar> bars, IRepository<MinuteBar> minuteBars)
    : IDomainEventHandler<MarketQuoteUpdated>
{
    public async Task Handle(MarketQuoteUpdated domainEvent, CancellationToken cancellationToken)
    {
        var price = decimal.Round(domainEvent.Last ?? ((domainEvent.Bid + domainEvent.Ask) / 2m), 8);

        var date = PriceBar.TradingDateOf(domainEvent.OccurredAt);
        var bar = await bars.FirstOrDefaultAsync(new PriceBarOfSymbolOnDateSpec(domainEvent.Symbol, date), cancellationToken);
        if (bar is null)
        {
            bars.Add(PriceBar.FromQuote(domainEvent.Symbol, date, price));
        }
        else
        {
            bar.Include(price);
        }

        var start = MinuteBar.MinuteOf(domainEvent.OccurredAt);
        var minute = await minuteBars.FirstOrDefaultAsync(new MinuteBarOfSymbolAtSpec(domainEvent.Symbol, start), cancellationToken);
        if (minute is null)
        {
            minuteBars.Add(MinuteBar.FromQuote(domainEvent.Symbol, start, price));
        }
        else
        {
            minute.Include(price);
        }
    }
}
