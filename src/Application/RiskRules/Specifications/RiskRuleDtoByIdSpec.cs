using Ardalis.Specification;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Specifications;

/// <summary>One rule by id, projected for reading; the handler checks <see cref="RiskRuleDto.UserId"/>.</summary>
public sealed class RiskRuleDtoByIdSpec : Specification<RiskRule, RiskRuleDto>
{
    public RiskRuleDtoByIdSpec(Guid ruleId) => Query.Where(r => r.Id == ruleId);
}
