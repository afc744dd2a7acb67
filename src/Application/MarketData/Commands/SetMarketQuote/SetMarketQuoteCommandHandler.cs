using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.MarketData.Queries.GetMarketQuote;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.MarketData.Commands.SetMarketQuote;

/// <summary>
/// Creates or replaces the quote. The quote raises MarketQuoteUpdated, whose handler fills the paper orders it crosses in the
/// same save (see FillRestingPaperOrdersOnMarketQuoteUpdated).
/// </summary>
internal sealed class SetMarketQuoteCommandHandler(
    IRepository<MarketQuote> quotes,
    IKeyedTransactionLock locks,
    AuditScope audit,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IRequestHandler<SetMarketQuoteCommand, MarketQuoteDto>
{
    public async Task<MarketQuoteDto> Handle(SetMarketQuoteCommand request, CancellationToken cancellationToken)
    {
        var symbol = TradingSymbol.Normalize(request.Symbol);
        await QuoteBarLocks.AcquireAsync(locks, [symbol], cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var quote = Apply(quotes, await quotes.FirstOrDefaultAsync(new MarketQuoteBySymbolSpec(symbol), cancellationToken), symbol, request, now);

        audit.Target("market_quote", quote.Id).Describe($"Set the quote of {symbol}");
        return quote.Adapt<MarketQuoteDto>(mapping);
    }

    /// <summary>
    /// Creates the quote of <paramref name="symbol"/> (added to <paramref name="quotes"/>) or replaces <paramref name="existing"/>
    /// with <paramref name="request"/>'s price, or bid and ask; shared with the batch form.
    /// </summary>
    internal static MarketQuote Apply(
        IRepository<MarketQuote> quotes, MarketQuote? existing, string symbol, SetMarketQuoteCommand request, DateTime now)
    {
        if (existing is null)
        {
            var created = request.Price is { } price
                ? MarketQuote.FromPrice(symbol, price, now)
                : MarketQuote.FromBidAskLast(symbol, request.Bid!.Value, request.Ask!.Value, request.Last, now);
            quotes.Add(created);
            return created;
        }

        if (request.Price is { } newPrice)
        {
            existing.UpdatePrice(newPrice, now);
        }
        else
        {
            existing.Update(request.Bid!.Value, request.Ask!.Value, request.Last, now);
        }

        return existing;
    }
}
