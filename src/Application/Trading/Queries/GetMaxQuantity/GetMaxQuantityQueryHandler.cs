using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Queries.GetMaxQuantity;

internal sealed class GetMaxQuantityQueryHandler(
    IReadRepository<RiskRule> rules,
    IReadRepository<Order> orders,
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
        var snapshot = await PreTradeSnapshot.LoadAsync(
            broker, orders, userId, symbol, active, timeProvider.GetUtcNow().UtcDateTime, options.Value.MaxQuoteAge, cancellationToken);
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
