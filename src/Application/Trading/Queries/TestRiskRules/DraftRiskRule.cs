using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.Trading.Queries.TestRiskRules;

/// <summary>A rule to try out before saving it: the same fields as a saved rule, nothing stored.</summary>
public sealed record DraftRiskRule(
    string? Name,
    RiskRuleType? RuleType,
    decimal? ThresholdValue,
    ThresholdUnit? ThresholdUnit,
    RiskAction? Action,
    Guid? StrategyId = null,
    IReadOnlyList<string>? Symbols = null,
    int? WindowSeconds = null);
