namespace RiskPlatform.Domain.RiskRules.Engine;

/// <summary>
/// One rule's verdict on a proposed order. <see cref="Observed"/> and <see cref="Limit"/> are in the rule's threshold unit
/// (for restricted_symbols: observed 1 when the order would open a restricted symbol, limit 0).
/// <see cref="Reason"/> is set only when the rule is breached or waived.
/// <see cref="AllowedQuantity"/> is set only for a breached reduce_size rule: the largest quantity it allows (not yet rounded).
/// </summary>
public readonly record struct RuleEvaluation(
    RiskRule Rule,
    decimal Observed,
    decimal Limit,
    RuleOutcome Outcome,
    string? Reason,
    decimal? AllowedQuantity)
{
    public RiskRuleType RuleType => Rule.RuleType;

    public RiskAction Action => Rule.Action;

    public ThresholdUnit ThresholdUnit => Rule.ThresholdUnit;

    public bool IsBreached => Outcome == RuleOutcome.Breached;

    /// <summary>The stable reason code (e.g. <c>MAX_LEVERAGE_EXCEEDED</c>) when breached or waived; otherwise null.</summary>
    public string? Code => Outcome == RuleOutcome.Passed ? null : RiskReasonCodes.ForRuleType(Rule.RuleType);
}
