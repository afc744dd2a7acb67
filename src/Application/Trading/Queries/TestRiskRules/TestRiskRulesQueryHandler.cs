using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.Trading.Common;
using RiskPlatform.Application.Trading.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.MarketData;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;
using RiskPlatform.Domain.Trading;
using RiskPlatform.Domain.Trading.Orders;

namespace RiskPlatform.Application.Trading.Queries.TestRiskRules;

/// <summary>
/// The pre-trade check without the trade: same snapshot, portfolio-state baselines, trading-state refusal and engine as an order,
/// nothing recorded or submitted.
/// </summary>
internal sealed class TestRiskRulesQueryHandler(
    PreTradeContextLoader contexts,
    ICurrentUser currentUser,
    TimeProvider timeProvider) : IRequestHandler<TestRiskRulesQuery, RiskTestResultDto>
{
    public async Task<RiskTestResultDto> Handle(TestRiskRulesQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var symbol = TradingSymbol.Normalize(request.Symbol);
        var side = request.Side ?? OrderSide.Buy;
        var type = request.Type ?? OrderType.Market;
        var limitPrice = type == OrderType.Limit ? request.LimitPrice : null;

        IReadOnlyList<RiskRule>? draftRule = request.Rule is { } draft
            ? [RiskRule.Create(
                userId, draft.Name ?? "draft rule", null, draft.RuleType!.Value, draft.ThresholdValue!.Value, draft.ThresholdUnit,
                draft.Action, isActive: true, draft.StrategyId, draft.Symbols, draft.Params?.WindowSeconds,
                lookbackDays: draft.Params?.LookbackDays, sectors: draft.Params?.Sectors)]
            : null;

        // Judged like an order: the portfolio state's baselines, then its trading state (marked in memory only).
        var context = await contexts.LoadAsync(userId, symbol, now, cancellationToken, draftRule);
        var (snapshot, evaluated) = (context.Snapshot, context.Rules);

        var quantity = request.OrderQty ?? QuantityForValue(request.OrderValue!.Value, snapshot, symbol, side, limitPrice);
        var decision = RiskEngine.Evaluate(snapshot, evaluated, new ProposedOrder(symbol, side, quantity, type, limitPrice, request.StrategyId));

        // Halted or reducing refuses the order before any rule, with the order path's code (TRADING_HALTED / TRADING_REDUCING).
        var refusal = context.RefusalCode(symbol, side, quantity, now);
        if (refusal is not null)
        {
            return new RiskTestResultDto(
                symbol,
                quantity,
                decision.ReferencePrice,
                RiskDecisionOutcome.Blocked,
                WouldBlock: true,
                WouldWarn: decision.Alerts.Count > 0,
                WouldReduceTo: null,
                refusal,
                context.State.RefusalMessage(refusal),
                Breaches(decision),
                Results(decision));
        }

        return new RiskTestResultDto(
            symbol,
            quantity,
            decision.ReferencePrice,
            decision.Outcome,
            WouldBlock: decision.Outcome == RiskDecisionOutcome.Blocked,
            WouldWarn: decision.Alerts.Count > 0,
            WouldReduceTo: decision.Outcome == RiskDecisionOutcome.Reduced ? decision.ApprovedQuantity : null,
            decision.FailureCode,
            decision.FailureReason,
            Breaches(decision),
            Results(decision));
    }

    private static List<RiskTestBreachDto> Breaches(RiskDecision decision) =>
        [.. decision.Breaches.Select(b => new RiskTestBreachDto(b.Rule.Id, b.Rule.Name, b.RuleType, b.Limit, b.Observed, b.Action, b.Reason))];

    private static List<RiskTestRuleResultDto> Results(RiskDecision decision) =>
        [.. decision.Results.Select(r => new RiskTestRuleResultDto(
            r.Rule.Id, r.Rule.Name, r.RuleType, r.Outcome, r.Observed, r.Limit, r.Action, r.AllowedQuantity, r.Reason))];

    /// <summary>
    /// Whole shares that <paramref name="value"/> buys at the order's reference price (ask for buys, bid for sells, or the limit
    /// price where it is worse). Without a usable quote the engine fails the order closed anyway, so one share stands in.
    /// </summary>
    private static decimal QuantityForValue(decimal value, PortfolioSnapshot snapshot, string symbol, OrderSide side, decimal? limitPrice)
    {
        if (!snapshot.Quotes.TryGetValue(symbol, out var quote))
        {
            return 1m;
        }

        var quotePrice = side == OrderSide.Buy ? (quote.Ask > 0 ? quote.Ask : quote.Last) : (quote.Bid > 0 ? quote.Bid : quote.Last);
        var price = limitPrice is { } limit ? (side == OrderSide.Buy ? Math.Max(quotePrice, limit) : Math.Min(quotePrice, limit)) : quotePrice;
        if (price <= 0)
        {
            return 1m;
        }

        var quantity = decimal.Floor(value / price);
        return quantity >= 1m
            ? quantity
            : throw new DomainException(
                OrderErrors.InvalidQuantity, $"order_value {value} buys less than one share of {symbol} at {price}.");
    }
}
