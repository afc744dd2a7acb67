using System.Collections.Frozen;

namespace RiskPlatform.Domain.Common;

/// <summary>
/// Enum values as the wire spells them (<c>OrderFilled</c> ↔ <c>"order_filled"</c>): for messages, metric labels and
/// query-string parameters bound as strings (minimal APIs have no snake_case enum binder). Exact, case-sensitive match;
/// numbers are refused. The one home of enum wire names; the conversion is <see cref="SnakeCase"/>.
/// </summary>
public static class WireEnum
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => SnakeCase.Of(value.ToString());

    /// <summary>Every member's wire name, in declaration order.</summary>
    public static IReadOnlyList<string> Names<TEnum>()
        where TEnum : struct, Enum => Cache<TEnum>.Names;

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

    private static class Cache<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly string[] Names = [.. Enum.GetValues<TEnum>().Select(Name)];

        public static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(Name, StringComparer.Ordinal);
    }
}
