using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Domain.Portfolio.Metrics;

/// <summary>
/// How close one active rule is to its limit. <see cref="Observed"/> and <see cref="Limit"/> are in the rule's unit;
/// <see cref="Utilisation"/> is observed ÷ limit (1 = at the limit). For per-symbol rules the worst symbol is reported
/// (<see cref="Symbol"/>). Null <see cref="Observed"/>/<see cref="Utilisation"/>: the rule has no portfolio-level measure
/// (max_order_value, price_collar and restricted_symbols judge a single order; a per-symbol rule with no matching position).
/// </summary>
public sealed record RuleUtilisation(
    Guid RuleId,
    string RuleName,
    RiskRuleType RuleType,
    ThresholdUnit ThresholdUnit,
    RiskAction Action,
    string? Symbol,
    decimal? Observed,
    decimal Limit,
    decimal? Utilisation,
    bool IsBreached);
