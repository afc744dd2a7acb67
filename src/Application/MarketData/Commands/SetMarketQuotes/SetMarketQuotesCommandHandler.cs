using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.MarketData.Commands.SetMarketQuote;
using RiskPlatform.Application.MarketData.Common;
using RiskPlatform.Application.MarketData.Queries.GetMarketQuote;
using RiskPlatform.Application.MarketData.Specifications;
using RiskPlatform.Domain.MarketData;

namespace RiskPlatform.Application.MarketData.Commands.SetMarketQuotes;

/// <summary>
/// Creates or replaces every quote of the batch: the existing ones are read in one query, and the whole batch is one save with
/// one audit row naming the count. Each quote raises MarketQuoteUpdated as the single form does (paper fills, monitor).
/// </summary>
internal sealed class SetMarketQuotesCommandHandler(
    IRepository<MarketQuote> quotes,
    IKeyedTransactionLock locks,
    AuditScope audit,
    TypeAdapterConfig mapping,
    TimeProvider timeProvider) : IRequestHandler<SetMarketQuotesCommand, IReadOnlyList<MarketQuoteDto>>
{
    public async Task<IReadOnlyList<MarketQuoteDto>> Handle(SetMarketQuotesCommand request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var items = request.Quotes!.Select(q => (Symbol: TradingSymbol.Normalize(q.Symbol), Quote: q)).ToList();
        await QuoteBarLocks.AcquireAsync(locks, items.Select(i => i.Symbol), cancellationToken);
        var existing = (await quotes.ListAsync(new MarketQuotesBySymbolsSpec([.. items.Select(i => i.Symbol)]), cancellationToken))
            .ToDictionary(q => q.Symbol, StringComparer.Ordinal);

        var set = items
            .Select(i => SetMarketQuoteCommandHandler.Apply(quotes, existing.GetValueOrDefault(i.Symbol), i.Symbol, i.Quote, now))
            .ToList();

        audit.Target("market_quote", null).Describe($"Set the quotes of {set.Count} symbol(s)");
        return [.. set.Select(q => q.Adapt<MarketQuoteDto>(mapping))];
    }
}
