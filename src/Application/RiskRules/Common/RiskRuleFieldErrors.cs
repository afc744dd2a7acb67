using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Common;

/// <summary>
/// Which wire field each <see cref="RiskRuleErrors"/> code is about. A rule's invariants depend on its merged state (a PUT that
/// changes only the type can make the stored unit misfit), so the aggregate is the final judge; its refusal reaches the client
/// as a 400 naming the field, like every other bad input, instead of a 422.
/// </summary>
public static class RiskRuleFieldErrors
{
    public static string? FieldOf(string errorCode) => errorCode switch
    {
        RiskRuleErrors.NameRequired or RiskRuleErrors.NameTooLong => "name",
        RiskRuleErrors.TypeUnknown or RiskRuleErrors.TypeUnsupported => "rule_type",
        RiskRuleErrors.ThresholdNotPositive or RiskRuleErrors.ThresholdTooLarge or RiskRuleErrors.ThresholdNotWhole => "threshold_value",
        RiskRuleErrors.UnitNotAllowed => "threshold_unit",
        RiskRuleErrors.ActionNotAllowed => "action",
        RiskRuleErrors.SymbolsRequired or RiskRuleErrors.SymbolInvalid => "symbols",
        RiskRuleErrors.WindowSecondsRequired or RiskRuleErrors.WindowSecondsInvalid or RiskRuleErrors.WindowSecondsNotAllowed => "params.window_seconds",
        RiskRuleErrors.LookbackDaysInvalid or RiskRuleErrors.LookbackDaysNotAllowed => "params.lookback_days",
        RiskRuleErrors.SectorInvalid or RiskRuleErrors.SectorsNotAllowed => "params.sectors",
        _ => null,
    };

    /// <summary>Runs a domain operation on a rule; a refusal with a known code becomes a <see cref="ValidationException"/> naming its field.</summary>
    public static T Translate<T>(Func<T> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return operation();
        }
        catch (DomainException exception) when (FieldOf(exception.Code) is not null)
        {
            throw new ValidationException(FieldOf(exception.Code)!, exception.Message);
        }
    }
}
