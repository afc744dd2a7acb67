using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Queries.GetMaxQuantity;

/// <summary>
/// The largest quantity the rules allow now, judged like the order path: against the portfolio state's day-start equity and
/// high-water mark when the user has a state, and capped by its trading state (halted: 0; reducing: only what shrinks the position).
/// </summary>
internal sealed class GetMaxQuantityQueryHandler(
    PreTradeContextLoader contexts,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<GetMaxQuantityQuery, MaxQuantityDto>
{
    public async Task<MaxQuantityDto> Handle(GetMaxQuantityQuery request, CancellationToken cancellationToken)
    {
        var symbol = TradingSymbol.Normalize(request.Symbol);
        var side = request.Side is null ? OrderSide.Buy : WireEnum.Parse<OrderSide>(request.Side);
        var now = timeProvider.GetUtcNow().UtcDateTime;

        // The order path's baselines and trading state (marked in memory only: a query stores nothing).
        var context = await contexts.LoadAsync(currentUser.RequireUserId(), symbol, now, cancellationToken);
        var result = RiskEngine.MaxQuantity(context.Snapshot, context.Rules, symbol, side, request.StrategyId);
        var dto = new MaxQuantityDto(
            symbol,
            side,
            result.MaxQuantity,
            result.BindingRule?.Id,
            result.BindingRule?.Name,
            result.BindingRule?.RuleType,
            result.LimitedByReduceOnly,
            result.ReferencePrice,
            result.FailureCode,
            BindingTradingState: null);
        return CapByTradingState(dto, context.State, context.Snapshot, symbol, side, now);
    }

    /// <summary>
    /// Halted: 0, the state binding (<c>failure_code</c> TRADING_HALTED). Reducing: at most the quantity that only shrinks the
    /// position, so 0 (TRADING_REDUCING) for a side that adds exposure; the state binds when it cuts the rules' answer.
    /// </summary>
    private static MaxQuantityDto CapByTradingState(
        MaxQuantityDto dto, PortfolioState state, PortfolioSnapshot snapshot, string symbol, OrderSide side, DateTime now)
    {
        var reduceOnly = ExposureReduction.ReduceOnlyQuantity(snapshot, symbol, side);
        var refusal = state.RefusalCode(reducesExposure: reduceOnly > 0, isMonitorOrder: false, now);
        if (refusal is not null)
        {
            return Bound(dto, state.TradingState, 0m, refusal);
        }

        if (state.TradingStateAt(now) != TradingState.Reducing || (dto.MaxQuantity is { } max && max <= reduceOnly))
        {
            return dto;
        }

        return Bound(dto, TradingState.Reducing, reduceOnly, dto.FailureCode) with { LimitedByReduceOnly = true };
    }

    private static MaxQuantityDto Bound(MaxQuantityDto dto, TradingState tradingState, decimal quantity, string? failureCode) => dto with
    {
        MaxQuantity = quantity,
        BindingRuleId = null,
        BindingRuleName = null,
        BindingRuleType = null,
        FailureCode = failureCode,
        BindingTradingState = tradingState,
    };
}
