using MediatR;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Application.RiskRules.Specifications;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Queries.GetRiskRule;

internal sealed class GetRiskRuleQueryHandler(IReadRepository<RiskRule> rules, ICurrentUser currentUser)
    : IRequestHandler<GetRiskRuleQuery, RiskRuleDto>
{
    public async Task<RiskRuleDto> Handle(GetRiskRuleQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var rule = await rules.FirstOrDefaultAsync(new RiskRuleDtoByIdSpec(request.Id), cancellationToken)
            ?? throw new NotFoundException("Risk rule", request.Id);
        return rule.UserId == userId ? rule : throw new NotFoundException("Risk rule", request.Id, belongsToAnotherUser: true);
    }
}
