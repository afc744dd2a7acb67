using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Common;

/// <summary>
/// What defines a rule's behaviour, as the client sends it: a new rule (<c>POST /risk-rules</c>) and a draft rule tried out by
/// <c>POST /risk-rules/test</c> have the same shape and are validated by the same <see cref="RiskRuleDefinitionValidator"/>.
/// </summary>
internal interface IRiskRuleDefinition
{
    RiskRuleType? RuleType { get; }

    decimal? ThresholdValue { get; }

    ThresholdUnit ThresholdUnit { get; }

    RiskAction Action { get; }

    Guid? StrategyId { get; }

    IReadOnlyList<string>? Symbols { get; }

    RiskRuleParams? Params { get; }
}
