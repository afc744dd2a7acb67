using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Actors;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// The one way the reads that answer "what would an order meet" (the risk test, max-quantity, portfolio risk, position
/// sizing) load their <see cref="PreTradeContext"/>: active rules, the broker's snapshot (with our orders still awaiting an
/// external broker's acknowledgement), the portfolio state marked in memory. Nothing is stored: a read takes no lock and writes no row.
/// On its account's actor the active rules and the portfolio state come from the actor's memory (<see cref="AccountMemory"/>),
/// and so do the paper account and binding (in the broker adapters); quotes are read each time.
/// </summary>
internal sealed class PreTradeContextLoader(
    ActiveRulesReader activeRules,
    IReadRepository<Order> orders,
    PortfolioStateReader states,
    IBrokerGateway broker,
    IRuleMarketData marketData,
    IOptions<RiskCheckOptions> options)
{
    /// <summary>
    /// The context of <paramref name="userId"/> at <paramref name="now"/>, for an order in <paramref name="symbol"/> (null: the
    /// whole account), judged by the user's active rules or by <paramref name="rulesToJudge"/> (a draft rule) when given.
    /// </summary>
    public async Task<PreTradeContext> LoadAsync(
        Guid userId, string? symbol, DateTime now, CancellationToken cancellationToken, IReadOnlyList<RiskRule>? rulesToJudge = null)
    {
        var judged = rulesToJudge ?? await activeRules.ActiveAsync(userId, cancellationToken);

        // An order committed for an external broker but not yet acknowledged counts, as it does for the next order.
        IReadOnlyList<Order> awaitingBroker = await broker.IsExternalAsync(userId, cancellationToken)
            ? await orders.ListAsync(new OrdersAwaitingBrokerForUserSpec(userId), cancellationToken)
            : [];
        var (snapshot, account) = await PortfolioSnapshots.LoadAsync(
            broker, orders, userId, symbol, judged, now, options.Value.MaxQuoteAge, cancellationToken, awaitingBroker, marketData);
        var stored = await states.StoredAsync(userId, cancellationToken);
        var state = PortfolioStateMarking.MarkInMemory(stored?.Copy(), userId, account, now);
        return new PreTradeContext(judged, PortfolioSnapshots.WithPortfolioState(snapshot, state), state, stored);
    }
}
