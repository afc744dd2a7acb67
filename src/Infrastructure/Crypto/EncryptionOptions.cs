namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>
/// Configuration section "Encryption":
/// <code>
/// "Encryption": { "ActiveKeyVersion": 2, "MasterKeys": { "1": "&lt;old key&gt;", "2": "&lt;base64 of 32 random bytes&gt;" } }
/// </code>
/// A value that is valid base64 of exactly 32 bytes is used as the raw master key. Any other value is a passphrase
/// (at least <see cref="EncryptionOptionsValidator.PassphraseMinLength"/> characters), stretched once at start with
/// PBKDF2-SHA256 (<see cref="MasterKeyRing.PassphraseIterations"/> iterations, salt "RiskPlatform.MasterKey.v{version}").
/// Old versions stay configured until the rewrap command has moved every row to the active version.
/// </summary>
public sealed class EncryptionOptions
{
    public const string SectionName = "Encryption";

    /// <summary>The version new ciphertexts are sealed under; must be a key of <see cref="MasterKeys"/>.</summary>
    public int ActiveKeyVersion { get; set; }

    /// <summary>Master keys by version (a positive integer).</summary>
    public Dictionary<int, string> MasterKeys { get; set; } = [];
}
