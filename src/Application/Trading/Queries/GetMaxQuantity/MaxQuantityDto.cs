using RiskPlatform.Domain.Portfolio.State;
using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.Trading;

namespace RiskPlatform.Application.Trading.Queries.GetMaxQuantity;

/// <summary>
/// <c>max_quantity</c> in whole shares (null: no rule limits it), the rule that binds, whether the limit is the reduce-only
/// capacity (closing an opposite position always passes), the reference price, and <c>failure_code</c> when nothing can be allowed
/// (missing or stale quote, equity not positive, or the trading state: TRADING_HALTED, TRADING_REDUCING).
/// <c>binding_trading_state</c> names the trading state (halted, reducing) when it, not a rule, is the binding cap.
/// </summary>
public sealed record MaxQuantityDto(
    string Symbol,
    OrderSide Side,
    decimal? MaxQuantity,
    Guid? BindingRuleId,
    string? BindingRuleName,
    RiskRuleType? BindingRuleType,
    bool LimitedByReduceOnly,
    decimal ReferencePrice,
    string? FailureCode,
    TradingState? BindingTradingState);
