namespace RiskPlatform.Domain.Notifications;

/// <summary>
/// E.164 phone numbers (<c>+</c>, a country code not starting with 0, at most 15 digits in all), the only form an SMS
/// provider accepts. People write separators: spaces, dashes, dots and parentheses are dropped before the check.
/// </summary>
public static class PhoneNumber
{
    public const int MinDigits = 8;
    public const int MaxDigits = 15;

    /// <summary>The E.164 form of <paramref name="phone"/>, or null when it is empty or not an international number.</summary>
    public static string? TryNormalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var compact = string.Concat(phone.Trim().Where(c => c is not (' ' or '-' or '.' or '(' or ')')));
        if (compact.Length < 2 || compact[0] != '+' || compact[1] == '0')
        {
            return null;
        }

        var digits = compact[1..];
        return digits.Length is >= MinDigits and <= MaxDigits && digits.All(char.IsAsciiDigit) ? compact : null;
    }
}
