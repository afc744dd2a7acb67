using System.Text.Json;

namespace RiskPlatform.Application.ApiKeys.Common;

/// <summary>Parses the snake_case wire name of an enum member ("interactive_brokers") from a query string.</summary>
public static class WireEnum
{
    public static bool TryParse<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        foreach (var member in Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNamingPolicy.SnakeCaseLower.ConvertName(member.ToString()), value, StringComparison.Ordinal))
            {
                result = member;
                return true;
            }
        }

        result = default;
        return false;
    }

    public static string Names<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(m => JsonNamingPolicy.SnakeCaseLower.ConvertName(m.ToString())));
}
