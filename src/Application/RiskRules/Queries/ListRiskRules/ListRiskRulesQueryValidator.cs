using FluentValidation;
using RiskPlatform.Application.RiskRules.Common;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Queries.ListRiskRules;

internal sealed class ListRiskRulesQueryValidator : AbstractValidator<ListRiskRulesQuery>
{
    public ListRiskRulesQueryValidator() =>
        RuleFor(q => q.RuleType)
            .Must(type => type is null || WireEnum.TryParse<RiskRuleType>(type, out _))
            .WithMessage($"'{{PropertyValue}}' is not a rule type; expected one of: {string.Join(", ", WireEnum.Names<RiskRuleType>())}.");
}
