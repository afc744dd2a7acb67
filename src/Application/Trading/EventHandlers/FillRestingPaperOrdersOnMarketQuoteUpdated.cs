using RiskPlatform.Application.Common.Events;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData.Events;
using RiskPlatform.Domain.Trading.Paper;

namespace RiskPlatform.Application.Trading.EventHandlers;

/// <summary>
/// The paper broker's matching: a new quote fills every resting paper order it crosses, in every account with open orders in
/// the symbol. The quote's transaction only finds those accounts; each is filled on its own actor after the commit
/// (<see cref="RestingOrderFills"/>), because the actor is the one writer of its account.
/// </summary>
internal sealed class FillRestingPaperOrdersOnMarketQuoteUpdated(IReadRepository<PaperAccount> accounts, RestingOrderFills fills)
    : IDomainEventHandler<MarketQuoteUpdated>
{
    public async Task Handle(MarketQuoteUpdated domainEvent, CancellationToken cancellationToken)
    {
        var owners = await accounts.ListAsync(new OwnersOfOpenPaperOrdersInSymbolSpec(domainEvent.Symbol), cancellationToken);
        fills.Add(owners, domainEvent.Symbol);
    }
}
