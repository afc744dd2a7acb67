using System.Collections.Frozen;
using System.Text.Json;
using FluentValidation;

namespace RiskPlatform.Application.Common.Validation;

/// <summary>
/// Enum values as the wire spells them (<c>OrderFilled</c> ↔ <c>"order_filled"</c>), for query-string parameters that
/// are bound as strings (minimal APIs have no snake_case enum binder). Exact, case-sensitive match; numbers are refused.
/// </summary>
public static class WireEnum
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static IEnumerable<string> Names<TEnum>()
        where TEnum : struct, Enum => Cache<TEnum>.ByName.Keys;

    public static bool TryParse<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        if (value is not null && Cache<TEnum>.ByName.TryGetValue(value, out result))
        {
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Parses a value the validator has already accepted.</summary>
    public static TEnum Parse<TEnum>(string value)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(value, out var result) ? result : throw new ArgumentException($"'{value}' is not a {typeof(TEnum).Name} wire value.", nameof(value));

    /// <summary>Parses a value the validator has already accepted; null stays null.</summary>
    public static TEnum? ParseOrNull<TEnum>(string? value)
        where TEnum : struct, Enum =>
        value is null ? null
        : TryParse<TEnum>(value, out var result) ? result
        : throw new ArgumentException($"'{value}' is not a {typeof(TEnum).Name} wire value.", nameof(value));

    /// <summary>Null passes; otherwise the value must be one of the enum's wire names.</summary>
    public static IRuleBuilderOptions<T, string?> ValidWireEnum<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.Must(value => value is null || TryParse<TEnum>(value, out _))
            .WithMessage($"'{{PropertyValue}}' is not valid; expected one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(Name))}.");

    private static class Cache<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(Name, StringComparer.Ordinal);
    }
}
