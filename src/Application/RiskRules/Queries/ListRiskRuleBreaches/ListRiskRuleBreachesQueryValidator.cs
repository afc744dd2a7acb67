using FluentValidation;
using RiskPlatform.Application.Common.Validation;

namespace RiskPlatform.Application.RiskRules.Queries.ListRiskRuleBreaches;

internal sealed class ListRiskRuleBreachesQueryValidator : AbstractValidator<ListRiskRuleBreachesQuery>
{
    public ListRiskRuleBreachesQueryValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Offset).ValidOffset();
    }
}
