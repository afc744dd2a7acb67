using Mapster;
using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Queries.ListRiskRules;

internal sealed class ListRiskRulesQueryHandler(IRiskRuleLists rules, ICurrentUser currentUser, TypeAdapterConfig mapping)
    : IRequestHandler<ListRiskRulesQuery, IReadOnlyList<RiskRuleDto>>
{
    public async Task<IReadOnlyList<RiskRuleDto>> Handle(ListRiskRulesQuery request, CancellationToken cancellationToken)
    {
        RiskRuleType? ruleType = WireEnum.TryParse<RiskRuleType>(request.RuleType, out var parsed) ? parsed : null;
        var found = await rules.ForUserAsync(currentUser.RequireUserId(), request.StrategyId, request.IsActive, ruleType, cancellationToken);
        return [.. found.Select(rule => rule.Adapt<RiskRule, RiskRuleDto>(mapping))];
    }
}
