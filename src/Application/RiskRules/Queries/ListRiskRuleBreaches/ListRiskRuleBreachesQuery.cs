using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.Common.Paging;

namespace RiskPlatform.Application.RiskRules.Queries.ListRiskRuleBreaches;

/// <summary>
/// A rule's breach history, newest first. The history outlives the rule: after a rule is deleted its owner can still read it here.
/// </summary>
public sealed record ListRiskRuleBreachesQuery(Guid RuleId, int Limit = PageRequest.DefaultLimit, int Offset = 0)
    : IQuery<IReadOnlyList<RiskBreachDto>>;
