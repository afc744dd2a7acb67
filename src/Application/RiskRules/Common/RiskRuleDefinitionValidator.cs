using System.Globalization;
using FluentValidation;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Common;

/// <summary>
/// The shape of a rule definition and what fits its type according to <see cref="RiskRuleCatalog"/>, so that each mistake is a
/// 400 naming its field. Included by the create validator and applied to the draft rule of a risk test; the aggregate enforces
/// the same facts again when the rule is created.
/// </summary>
internal sealed class RiskRuleDefinitionValidator : AbstractValidator<IRiskRuleDefinition>
{
    private const string WindowSecondsField = "params.window_seconds";
    private const string LookbackDaysField = "params.lookback_days";
    private const string SectorsField = "params.sectors";

    public RiskRuleDefinitionValidator()
    {
        RuleFor(c => c.RuleType).NotNull().SupportedRuleType();
        RuleFor(c => c.ThresholdValue).NotNull().ValidThreshold();
        RuleFor(c => c.StrategyId).NotEqual(Guid.Empty).WithMessage("strategy_id must not be the empty UUID.");
        RuleFor(c => c.Symbols).ValidSymbolList();
        RuleForEach(c => c.Symbols).ValidSymbol();
        RuleFor(c => c.Params != null ? c.Params.WindowSeconds : null).ValidWindowSeconds().OverridePropertyName(WindowSecondsField);
        RuleFor(c => c.Params != null ? c.Params.LookbackDays : null).ValidLookbackDays().OverridePropertyName(LookbackDaysField);
        RuleFor(c => c.Params != null ? c.Params.Sectors : null).ValidSectors().OverridePropertyName(SectorsField);

        When(c => c.RuleType is { } type && RiskRuleCatalog.IsSupported(type), () =>
        {
            RuleFor(c => c.ThresholdUnit)
                .Must((c, unit) => RiskRuleCatalog.IsUnitAllowed(c.RuleType!.Value, unit))
                .WithMessage((c, unit) => $"Threshold unit '{WireEnum.Name(unit)}' does not fit rule type '{WireEnum.Name(c.RuleType!.Value)}'; "
                    + $"allowed: {string.Join(", ", RiskRuleCatalog.AllowedUnits(c.RuleType!.Value).Select(WireEnum.Name))}.");

            RuleFor(c => c.Action)
                .Must((c, action) => RiskRuleCatalog.IsActionAllowed(c.RuleType!.Value, action))
                .WithMessage((c, action) => $"Action '{WireEnum.Name(action)}' does not fit rule type '{WireEnum.Name(c.RuleType!.Value)}'; "
                    + $"allowed: {string.Join(", ", RiskRuleCatalog.AllowedActions(c.RuleType!.Value).Select(WireEnum.Name))}.");

            RuleFor(c => c.ThresholdValue)
                .Must((c, value) => RiskRuleCatalog.MaxThreshold(c.RuleType!.Value, c.ThresholdUnit) is not { } max || value <= max)
                .WithMessage((c, _) => $"threshold_value must be at most {RiskRuleCatalog.MaxThreshold(c.RuleType!.Value, c.ThresholdUnit)?.ToString(CultureInfo.InvariantCulture)} {WireEnum.Name(c.ThresholdUnit)}.")
                .Must((c, value) => !RiskRuleCatalog.RequiresWholeThreshold(c.ThresholdUnit) || value is not { } v || decimal.Truncate(v) == v)
                .WithMessage("A count threshold must be a whole number.")
                .When(c => c.ThresholdValue > 0);

            RuleFor(c => c.Symbols)
                .Must(symbols => symbols is { Count: > 0 })
                .When(c => RiskRuleCatalog.RequiresSymbols(c.RuleType!.Value))
                .WithMessage(c => $"Rule type '{WireEnum.Name(c.RuleType!.Value)}' needs at least one symbol in symbols.");

            RuleFor(c => c.Params != null ? c.Params.WindowSeconds : null)
                .NotNull()
                .When(c => RiskRuleCatalog.RequiresWindowSeconds(c.RuleType!.Value))
                .WithMessage(c => $"Rule type '{WireEnum.Name(c.RuleType!.Value)}' needs params.window_seconds (the rolling window, in seconds).")
                .OverridePropertyName(WindowSecondsField);

            RuleFor(c => c.Params != null ? c.Params.WindowSeconds : null)
                .Null()
                .When(c => !RiskRuleCatalog.RequiresWindowSeconds(c.RuleType!.Value))
                .WithMessage(c => $"Rule type '{WireEnum.Name(c.RuleType!.Value)}' takes no params.window_seconds.")
                .OverridePropertyName(WindowSecondsField);

            RuleFor(c => c.Params != null ? c.Params.LookbackDays : null)
                .Null()
                .When(c => !RiskRuleCatalog.AcceptsLookbackDays(c.RuleType!.Value))
                .WithMessage(c => $"Rule type '{WireEnum.Name(c.RuleType!.Value)}' takes no params.lookback_days (only max_correlation does).")
                .OverridePropertyName(LookbackDaysField);

            RuleFor(c => c.Params != null ? c.Params.Sectors : null)
                .Must(sectors => sectors is null || sectors.Count == 0)
                .When(c => !RiskRuleCatalog.AcceptsSectors(c.RuleType!.Value))
                .WithMessage(c => $"Rule type '{WireEnum.Name(c.RuleType!.Value)}' takes no params.sectors (only sector_limit does).")
                .OverridePropertyName(SectorsField);
        });
    }
}
