using System.Text;

namespace RiskPlatform.Domain.RiskRules;

/// <summary>
/// The wire (lower snake_case) form of an enum member, the same as JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)
/// produces for these PascalCase names: <c>MaxDailyLoss</c> becomes <c>max_daily_loss</c>.
/// </summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
