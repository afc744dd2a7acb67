using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Common;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>
/// The one way the reads that answer "what would an order meet" (the risk test, max-quantity, portfolio risk, position
/// sizing) load their <see cref="PreTradeContext"/>: active rules, the broker's snapshot, the portfolio state marked in
/// memory. Nothing is stored: a read takes no lock and writes no row.
/// </summary>
internal sealed class PreTradeContextLoader(
    IReadRepository<RiskRule> rules,
    IReadRepository<Order> orders,
    IReadRepository<PortfolioState> states,
    IBrokerGateway broker,
    IOptions<RiskCheckOptions> options)
{
    /// <summary>
    /// The context of <paramref name="userId"/> at <paramref name="now"/>, for an order in <paramref name="symbol"/> (null: the
    /// whole account), judged by the user's active rules or by <paramref name="rulesToJudge"/> (a draft rule) when given.
    /// </summary>
    public async Task<PreTradeContext> LoadAsync(
        Guid userId, string? symbol, DateTime now, CancellationToken cancellationToken, IReadOnlyList<RiskRule>? rulesToJudge = null)
    {
        var judged = rulesToJudge ?? await rules.ListAsync(new ActiveRiskRulesForUserSpec(userId), cancellationToken);
        var (snapshot, account) = await PreTradeSnapshot.LoadAsync(
            broker, orders, userId, symbol, judged, now, options.Value.MaxQuoteAge, cancellationToken);
        var stored = await states.FirstOrDefaultAsync(new PortfolioStateForUserSpec(userId), cancellationToken);
        var state = PortfolioStateStore.MarkInMemory(stored, userId, account, now);
        return new PreTradeContext(judged, PreTradeSnapshot.WithPortfolioState(snapshot, state), state);
    }
}
