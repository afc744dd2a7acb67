using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.RiskRules.Common;

namespace RiskPlatform.Application.RiskRules.Queries.ListRiskRules;

/// <summary>
/// The caller's rules, newest first. <see cref="RuleType"/> is the wire name as sent in the query string
/// (<c>max_daily_loss</c>); the validator refuses anything else.
/// </summary>
public sealed record ListRiskRulesQuery(Guid? StrategyId = null, bool? IsActive = null, string? RuleType = null)
    : IQuery<IReadOnlyList<RiskRuleDto>>;
