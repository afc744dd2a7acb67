using FluentValidation;
using RiskPlatform.Application.RiskRules.Common;

namespace RiskPlatform.Application.RiskRules.Commands.CreateRiskRule;

/// <summary>
/// The shape of a new rule: its name and description here, and everything that defines its behaviour (type, threshold, unit,
/// action, scope, params) in <see cref="RiskRuleDefinitionValidator"/>, shared with the draft rule of a risk test.
/// </summary>
internal sealed class CreateRiskRuleCommandValidator : AbstractValidator<CreateRiskRuleCommand>
{
    public CreateRiskRuleCommandValidator()
    {
        RuleFor(c => c.Name).ValidRuleName();
        RuleFor(c => c.Description).ValidRuleDescription();
        Include(new RiskRuleDefinitionValidator());
    }
}
