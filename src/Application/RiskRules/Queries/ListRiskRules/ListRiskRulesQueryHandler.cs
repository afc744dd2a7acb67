using MediatR;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.RiskRules.Specifications;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Queries.ListRiskRules;

internal sealed class ListRiskRulesQueryHandler(IReadRepository<RiskRule> rules, ICurrentUser currentUser)
    : IRequestHandler<ListRiskRulesQuery, IReadOnlyList<RiskRuleDto>>
{
    public async Task<IReadOnlyList<RiskRuleDto>> Handle(ListRiskRulesQuery request, CancellationToken cancellationToken)
    {
        RiskRuleType? ruleType = WireEnum.TryParse<RiskRuleType>(request.RuleType, out var parsed) ? parsed : null;
        return await rules.ListAsync(
            new RiskRulesForUserSpec(currentUser.RequireUserId(), request.StrategyId, request.IsActive, ruleType),
            cancellationToken);
    }
}
