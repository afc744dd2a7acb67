using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData.Events;
using RiskPlatform.Domain.MarketData.History;

namespace RiskPlatform.Application.MarketData.EventHandlers;

/// <summary>
/// Every quote the service receives goes into its symbol's daily bar of the quote's New York date and into its bar of the quote's
/// UTC minute, in the quote's own save (never an order's): the first quote of a date (of a minute) opens the bar, later ones
/// move high, low and close, in the order the save set them. The price is the quote's mark (last, else mid). The bars a save
/// touches are read in two queries however many quotes it set. The quote commands hold the symbols' <see cref="QuoteBarLocks"/>
/// locks by then, so concurrent quotes of one symbol roll into them one after the other.
/// <para>
/// A quote's daily bar is normally today's, which no process keeps in memory. When it is a past one (a quote taken before New
/// York midnight, saved after it) the symbol's bar version advances in the same save (<see cref="IPriceBarVersions"/>), so the
/// kept closes of every process read it again. "Past" is judged <see cref="CommitAllowance"/> ahead of now: a save that rolls
/// today's bar just before midnight and commits just after it advances the version too.
/// </para>
/// </summary>
internal sealed class RollQuoteIntoBarsOnMarketQuoteUpdated(
    IRepository<PriceBar> bars, IRepository<MinuteBar> minuteBars, IPriceBarVersions versions, TimeProvider timeProvider)
    : IDomainEventBatchHandler<MarketQuoteUpdated>
{
    /// <summary>Far longer than a quote save takes from its roll-up to its commit; costs a re-read of the symbol near midnight.</summary>
    internal static readonly TimeSpan CommitAllowance = TimeSpan.FromMinutes(5);

    public async Task Handle(IReadOnlyList<MarketQuoteUpdated> domainEvents, CancellationToken cancellationToken)
    {
        var quotes = domainEvents
            .Select(e => (e.Symbol, Price: decimal.Round(e.MarkPrice, 8), Date: PriceBar.TradingDateOf(e.OccurredAt), Minute: MinuteBar.MinuteOf(e.OccurredAt)))
            .ToList();
        var symbols = quotes.Select(q => q.Symbol).Distinct(StringComparer.Ordinal).ToList();

        var daily = (await bars.ListAsync(new PriceBarsOfSymbolsOnDatesSpec(symbols, [.. quotes.Select(q => q.Date).Distinct()]), cancellationToken))
            .ToDictionary(b => (b.Symbol, b.Date));
        var minutes = (await minuteBars.ListAsync(new MinuteBarsOfSymbolsAtSpec(symbols, [.. quotes.Select(q => q.Minute).Distinct()]), cancellationToken))
            .ToDictionary(b => (b.Symbol, b.Start));

        foreach (var quote in quotes)
        {
            if (daily.TryGetValue((quote.Symbol, quote.Date), out var bar))
            {
                bar.Include(quote.Price);
            }
            else
            {
                bars.Add(daily[(quote.Symbol, quote.Date)] = PriceBar.FromQuote(quote.Symbol, quote.Date, quote.Price));
            }

            if (minutes.TryGetValue((quote.Symbol, quote.Minute), out var minute))
            {
                minute.Include(quote.Price);
            }
            else
            {
                minuteBars.Add(minutes[(quote.Symbol, quote.Minute)] = MinuteBar.FromQuote(quote.Symbol, quote.Minute, quote.Price));
            }
        }

        var today = PriceBar.TradingDateOf(timeProvider.GetUtcNow().UtcDateTime + CommitAllowance);
        var pastBars = quotes.Where(q => q.Date < today).Select(q => q.Symbol).Distinct(StringComparer.Ordinal).ToList();
        if (pastBars.Count > 0)
        {
            await versions.AdvanceAsync(pastBars, cancellationToken);
        }
    }
}
