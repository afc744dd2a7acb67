namespace RiskPlatform.Domain.ApiKeys;

/// <summary>Shape rules for plaintext credentials, shared by validators and the aggregate's callers.</summary>
public static class CredentialLimits
{
    public const int ApiKeyMaxLength = 256;

    public const int ApiSecretMaxLength = 1024;

    public const int NameMaxLength = 255;

    public const int DescriptionMaxLength = 1000;

    public const int AccountIdMaxLength = 100;

    public const int BaseUrlMaxLength = 255;

    /// <summary>True when <paramref name="value"/> is 1..<see cref="ApiKeyMaxLength"/> characters, not blank, without control characters.</summary>
    public static bool IsValidApiKey(ReadOnlySpan<char> value) => IsValid(value, ApiKeyMaxLength);

    /// <summary>True when <paramref name="value"/> is 1..<see cref="ApiSecretMaxLength"/> characters, not blank, without control characters.</summary>
    public static bool IsValidApiSecret(ReadOnlySpan<char> value) => IsValid(value, ApiSecretMaxLength);

    private static bool IsValid(ReadOnlySpan<char> value, int maxLength)
    {
        if (value.IsEmpty || value.Length > maxLength || value.IsWhiteSpace())
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
