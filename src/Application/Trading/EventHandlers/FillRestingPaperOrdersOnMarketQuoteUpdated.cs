using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Domain.MarketData.Events;

namespace RiskPlatform.Application.Trading.EventHandlers;

/// <summary>
/// The paper broker's matching: new quotes fill every resting paper order they cross, in every account with open orders in the
/// quoted symbols. The quotes' transaction only finds those accounts, in one query however many quotes it set; each is filled
/// on its own actor after the commit (<see cref="RestingOrderFills"/>), because the actor is the one writer of its account. An
/// account is handed every quoted symbol; its fill finds the orders each one crosses.
/// </summary>
internal sealed class FillRestingPaperOrdersOnMarketQuoteUpdated(IPaperHolders paperHolders, RestingOrderFills fills)
    : IDomainEventBatchHandler<MarketQuoteUpdated>
{
    public async Task Handle(IReadOnlyList<MarketQuoteUpdated> domainEvents, CancellationToken cancellationToken)
    {
        var symbols = domainEvents.Select(e => e.Symbol).Distinct(StringComparer.Ordinal).ToList();
        var owners = await paperHolders.WithOpenOrdersAsync(symbols, cancellationToken);
        foreach (var symbol in symbols)
        {
            fills.Add(owners, symbol);
        }
    }
}
