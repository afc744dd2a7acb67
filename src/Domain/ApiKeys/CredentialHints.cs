namespace RiskPlatform.Domain.ApiKeys;

/// <summary>
/// The only parts of a credential ever shown: the first 4 and last 4 characters of the key, the last 4 of the secret.
/// A credential too short to hide most of itself behind the hint is shown as <see cref="Masked"/> instead.
/// </summary>
public static class CredentialHints
{
    public const string Masked = "****";

    /// <summary>Keys shorter than this show no characters: 8 shown characters must stay a minority of the key.</summary>
    public const int KeyMinLengthForHint = 16;

    /// <summary>Secrets shorter than this show no characters.</summary>
    public const int SecretMinLengthForHint = 16;

    private const int Shown = 4;

    /// <summary>"PKAB...WXYZ" for a key of at least <see cref="KeyMinLengthForHint"/> characters, otherwise "****".</summary>
    public static string KeyHint(ReadOnlySpan<char> apiKey) =>
        apiKey.Length < KeyMinLengthForHint
            ? Masked
            : string.Concat(apiKey[..Shown], "...", apiKey[^Shown..]);

    /// <summary>"...WXYZ" for a secret of at least <see cref="SecretMinLengthForHint"/> characters, otherwise "****".</summary>
    public static string SecretHint(ReadOnlySpan<char> apiSecret) =>
        apiSecret.Length < SecretMinLengthForHint
            ? Masked
            : string.Concat("...", apiSecret[^Shown..]);
}
