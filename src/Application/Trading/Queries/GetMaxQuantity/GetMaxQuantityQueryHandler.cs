using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Portfolio.Specifications;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Portfolio;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Queries.GetMaxQuantity;

/// <summary>
/// The largest quantity the rules allow now, judged like the order path: against the portfolio state's day-start equity and
/// high-water mark when the user has a state.
/// </summary>
internal sealed class GetMaxQuantityQueryHandler(
    IReadRepository<RiskRule> rules,
    IReadRepository<Order> orders,
    IReadRepository<PortfolioState> states,
    IBrokerGateway broker,
    ICurrentUser currentUser,
    IOptions<RiskCheckOptions> options,
    TimeProvider timeProvider) : IRequestHandler<GetMaxQuantityQuery, MaxQuantityDto>
{
    public async Task<MaxQuantityDto> Handle(GetMaxQuantityQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var symbol = TradingSymbol.Normalize(request.Symbol);
        var side = request.Side is null ? OrderSide.Buy : WireEnum.Parse<OrderSide>(request.Side);
        var active = await rules.ListAsync(new ActiveRiskRulesForUserSpec(userId), cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var snapshot = await PreTradeSnapshot.LoadAsync(broker, orders, userId, symbol, active, now, options.Value.MaxQuoteAge, cancellationToken);
        if (await states.FirstOrDefaultAsync(new PortfolioStateForUserSpec(userId), cancellationToken) is { } state)
        {
            // The order path's baselines (marked in memory only: a query stores nothing).
            state.Mark(snapshot.Equity, now);
            snapshot = PreTradeSnapshot.WithPortfolioState(snapshot, state);
        }

        var result = RiskEngine.MaxQuantity(snapshot, active, symbol, side, request.StrategyId);
        return new MaxQuantityDto(
            symbol,
            side,
            result.MaxQuantity,
            result.BindingRule?.Id,
            result.BindingRule?.Name,
            result.BindingRule?.RuleType,
            result.LimitedByReduceOnly,
            result.ReferencePrice,
            result.FailureCode);
    }
}
