using FluentValidation;
using RiskPlatform.Application.RiskRules.Common;

namespace RiskPlatform.Application.RiskRules.Commands.UpdateRiskRule;

/// <summary>
/// The shape of each field sent. Whether the fields fit together (unit and action for the type, percent at most 100, symbols or
/// window_seconds the type needs) depends on the stored rule merged with the update: the aggregate decides that, and the handler
/// reports its refusal as a 400 naming the field.
/// </summary>
internal sealed class UpdateRiskRuleCommandValidator : AbstractValidator<UpdateRiskRuleCommand>
{
    public UpdateRiskRuleCommandValidator()
    {
        RuleFor(c => c.Name).ValidRuleName().When(c => c.Name is not null);
        RuleFor(c => c.Description).ValidRuleDescription();
        RuleFor(c => c.RuleType).SupportedRuleType();
        RuleFor(c => c.ThresholdValue).ValidThreshold();
        RuleFor(c => c.StrategyId).NotEqual(Guid.Empty).WithMessage("strategy_id must not be the empty UUID.");
        RuleFor(c => c.StrategyId).Null().When(c => c.ClearStrategyId).WithMessage("strategy_id cannot be both set and cleared.");
        RuleFor(c => c.Symbols).ValidSymbolList();
        RuleForEach(c => c.Symbols).ValidSymbol();
        RuleFor(c => c.Params != null ? c.Params.WindowSeconds : null).ValidWindowSeconds().OverridePropertyName("params.window_seconds");
        RuleFor(c => c.Params != null ? c.Params.LookbackDays : null).ValidLookbackDays().OverridePropertyName("params.lookback_days");
        RuleFor(c => c.Params != null ? c.Params.Sectors : null).ValidSectors().OverridePropertyName("params.sectors");
    }
}
