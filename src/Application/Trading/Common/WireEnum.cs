using System.Text.Json;

namespace RiskPlatform.Application.Trading.Common;

/// <summary>Enum values as they appear on the wire (snake_case), for query-string parameters that bind as strings.</summary>
public static class WireEnum
{
    public static IEnumerable<string> Names<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    public static bool TryParse<TEnum>(string value, out TEnum result)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNamingPolicy.SnakeCaseLower.ConvertName(candidate.ToString()), value, StringComparison.Ordinal))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }

    /// <summary>Parses a value the validator has already accepted.</summary>
    public static TEnum Parse<TEnum>(string value)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(value, out var result) ? result : throw new ArgumentException($"'{value}' is not a {typeof(TEnum).Name}.", nameof(value));
}
