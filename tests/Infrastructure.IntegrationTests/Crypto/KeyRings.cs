using System.Security.Cryptography;
using RiskPlatform.Infrastructure.Crypto;

namespace RiskPlatform.Infrastructure.IntegrationTests.Crypto;

internal static class KeyRings
{
    public static readonly string RawKey1 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public static readonly string RawKey2 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static MasterKeyRing Create(int activeVersion, params (int Version, string Value)[] keys)
    {
        var options = new EncryptionOptions { ActiveKeyVersion = activeVersion };
        foreach (var (version, value) in keys)
        {
            options.MasterKeys[version] = value;
        }

        return MasterKeyRing.FromOptions(options);
    }

    public static AesGcmCredentialCipher Cipher(int activeVersion, params (int Version, string Value)[] keys) =>
        new(Create(activeVersion, keys));
}
