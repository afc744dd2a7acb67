using RiskPlatform.Domain.Common;

namespace RiskPlatform.Domain.RiskRules.Events;

/// <summary>
/// A rule was breached, pre-trade or by the portfolio monitor. <paramref name="Observed"/> and <paramref name="Limit"/> are in the
/// rule's threshold unit; <paramref name="Reason"/> is the engine's stable reason text (e.g. <c>MAX_LEVERAGE_EXCEEDED: projected=2.41, limit=2.00</c>).
/// </summary>
public sealed record RiskRuleBreached(
    Guid UserId,
    Guid RuleId,
    string RuleName,
    RiskRuleType RuleType,
    RiskAction Action,
    ThresholdUnit ThresholdUnit,
    decimal Observed,
    decimal Limit,
    string? Symbol,
    Guid? OrderId,
    string? Reason,
    DateTime OccurredAt) : IDomainEvent;
