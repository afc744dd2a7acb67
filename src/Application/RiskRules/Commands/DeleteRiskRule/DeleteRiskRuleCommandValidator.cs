using FluentValidation;

namespace RiskPlatform.Application.RiskRules.Commands.DeleteRiskRule;

internal sealed class DeleteRiskRuleCommandValidator : AbstractValidator<DeleteRiskRuleCommand>
{
    public DeleteRiskRuleCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
