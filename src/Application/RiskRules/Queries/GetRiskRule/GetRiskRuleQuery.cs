using RiskPlatform.Application.Common.Messaging;
using RiskPlatform.Application.RiskRules.Common;

namespace RiskPlatform.Application.RiskRules.Queries.GetRiskRule;

/// <summary>One of the caller's rules; another user's rule is reported as not found.</summary>
public sealed record GetRiskRuleQuery(Guid Id) : IQuery<RiskRuleDto>;
