using FluentValidation;
using RiskPlatform.Application.Common.Validation;
using RiskPlatform.Domain.Common;
using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Common;

/// <summary>Shape rules shared by the create and update validators.</summary>
internal static class RiskRuleValidationRules
{
    /// <summary>Matches the description column's length.</summary>
    public const int DescriptionMaxLength = 2000;

    /// <summary>How many symbols one rule may list.</summary>
    public const int MaxSymbols = 500;

    public static IRuleBuilderOptions<T, string?> ValidRuleName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(RiskRule.NameMaxLength).NoControlCharacters();

    public static IRuleBuilderOptions<T, string?> ValidRuleDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(DescriptionMaxLength);

    /// <summary>Greater than zero and storable: at most 8 decimal places and 20 integer digits (the column is decimal(28, 8)).</summary>
    public static IRuleBuilderOptions<T, decimal?> ValidThreshold<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.GreaterThan(0m).PrecisionScale(28, 8, ignoreTrailingZeros: true);

    public static IRuleBuilderOptions<T, RiskRuleType?> SupportedRuleType<T>(this IRuleBuilder<T, RiskRuleType?> rule) =>
        rule.Must(type => type is null || RiskRuleCatalog.IsSupported(type.Value))
            .WithMessage((_, type) => type is { } t && RiskRuleCatalog.IsKnown(t)
                ? $"Rule type '{WireEnum.Name(t)}' is not supported; supported types: {string.Join(", ", RiskRuleCatalog.SupportedTypes.Select(WireEnum.Name))}."
                : "Unknown rule type.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidSymbolList<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(symbols => symbols is null || symbols.Count <= MaxSymbols)
            .WithMessage($"symbols may list at most {MaxSymbols} symbols.");

    /// <summary>One symbol: 1–32 characters once trimmed, no spaces inside (the aggregate upper-cases and de-duplicates).</summary>
    public static IRuleBuilderOptions<T, string> ValidSymbol<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(symbol => symbol is not null && symbol.Trim() is { Length: > 0 and <= RiskRule.SymbolMaxLength } trimmed && !trimmed.Any(char.IsWhiteSpace))
            .WithMessage($"Each symbol must be 1-{RiskRule.SymbolMaxLength} characters with no spaces.");

    public static IRuleBuilderOptions<T, int?> ValidWindowSeconds<T>(this IRuleBuilder<T, int?> rule) =>
        rule.GreaterThan(0).WithMessage("window_seconds must be greater than zero.");

    public static IRuleBuilderOptions<T, int?> ValidLookbackDays<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(RiskRuleCatalog.MinLookbackDays, RiskRuleCatalog.MaxLookbackDays)
            .WithMessage($"lookback_days must be {RiskRuleCatalog.MinLookbackDays} to {RiskRuleCatalog.MaxLookbackDays} daily returns.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidSectors<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(sectors => sectors is null || sectors.Count <= RiskRuleCatalog.MaxSectors)
            .WithMessage($"sectors may name at most {RiskRuleCatalog.MaxSectors} sectors.")
            .Must(sectors => sectors is null || sectors.All(s => s is not null && s.Trim() is { Length: > 0 and <= RiskRuleCatalog.SectorMaxLength } t && !t.Any(char.IsControl)))
            .WithMessage($"Each sector must be 1-{RiskRuleCatalog.SectorMaxLength} characters.");
}
