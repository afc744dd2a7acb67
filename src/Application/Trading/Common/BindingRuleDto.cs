using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>The rule that decided a reduced order's quantity.</summary>
public sealed record BindingRuleDto(Guid Id, RiskRuleType RuleType);
