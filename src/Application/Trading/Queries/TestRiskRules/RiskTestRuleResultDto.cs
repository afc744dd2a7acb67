using RiskPlatform.Domain.RiskRules;
using RiskPlatform.Domain.RiskRules.Engine;

namespace RiskPlatform.Application.Trading.Queries.TestRiskRules;

/// <summary>One evaluated rule: passed, breached, or waived (over the limit, but the order only reduces a position).</summary>
public sealed record RiskTestRuleResultDto(
    Guid RuleId,
    string RuleName,
    RiskRuleType RuleType,
    RuleOutcome Outcome,
    decimal Observed,
    decimal Limit,
    RiskAction Action,
    decimal? AllowedQty,
    string? Message);
