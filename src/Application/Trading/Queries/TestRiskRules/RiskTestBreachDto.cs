using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.Trading.Queries.TestRiskRules;

/// <summary>A breached rule as the existing clients read it (<c>threshold</c> and <c>current_value</c> in the rule's unit).</summary>
public sealed record RiskTestBreachDto(
    Guid RuleId,
    string RuleName,
    RiskRuleType RuleType,
    decimal Threshold,
    decimal CurrentValue,
    RiskAction Action,
    string? Message);
