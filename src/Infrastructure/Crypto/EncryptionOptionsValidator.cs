using Microsoft.Extensions.Options;

namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>Refuses to start without a usable key ring: at least one key, the active version present, no blank or weak values.</summary>
internal sealed class EncryptionOptionsValidator : IValidateOptions<EncryptionOptions>
{
    public const int PassphraseMinLength = 16;

    public ValidateOptionsResult Validate(string? name, EncryptionOptions options)
    {
        var failures = new List<string>();
        if (options.MasterKeys.Count == 0)
        {
            failures.Add("Encryption:MasterKeys must contain at least one master key.");
        }

        foreach (var (version, value) in options.MasterKeys)
        {
            if (version <= 0)
            {
                failures.Add($"Encryption:MasterKeys:{version}: versions must be positive integers.");
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"Encryption:MasterKeys:{version} is empty.");
            }
            else if (!MasterKeyRing.IsRawKey(value) && value.Length < PassphraseMinLength)
            {
                failures.Add(
                    $"Encryption:MasterKeys:{version} is neither base64 of 32 bytes nor a passphrase of at least {PassphraseMinLength} characters.");
            }
        }

        if (options.MasterKeys.Count > 0 && !options.MasterKeys.ContainsKey(options.ActiveKeyVersion))
        {
            failures.Add($"Encryption:ActiveKeyVersion {options.ActiveKeyVersion} has no entry in Encryption:MasterKeys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
