using RiskPlatform.Domain.RiskRules;

namespace RiskPlatform.Application.RiskRules.Common;

/// <summary>
/// Parses an enum from its wire (lower snake_case) name, for query strings, which have no snake_case enum binder.
/// Only exact wire names match: <c>max_daily_loss</c>, not <c>MaxDailyLoss</c> or <c>2</c>.
/// </summary>
public static class WireEnum
{
    public static bool TryParse<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(WireNames.Of(candidate), value, StringComparison.Ordinal))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }

    public static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(WireNames.Of));
}
