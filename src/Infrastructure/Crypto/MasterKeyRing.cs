using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using RiskPlatform.Application.Common.Exceptions;

namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>
/// The configured master keys by version, one of them active. Built once (a singleton): passphrases are stretched here,
/// never per operation. Keys live in pinned arrays so the GC never leaves copies behind, and are zeroed on dispose.
/// </summary>
internal sealed class MasterKeyRing : IDisposable
{
    public const int KeySize = 32;

    public const int PassphraseIterations = 600_000;

    private readonly FrozenDictionary<int, byte[]> _keys;

    private MasterKeyRing(int activeVersion, FrozenDictionary<int, byte[]> keys)
    {
        ActiveVersion = activeVersion;
        _keys = keys;
    }

    public int ActiveVersion { get; }

    public IReadOnlyCollection<int> Versions => _keys.Keys;

    /// <summary>The fixed PBKDF2 salt for a passphrase master key: UTF-8 of "RiskPlatform.MasterKey.v{version}".</summary>
    public static byte[] PassphraseSalt(int version) => Encoding.UTF8.GetBytes($"RiskPlatform.MasterKey.v{version}");

    public static bool IsRawKey(string value)
    {
        Span<byte> buffer = stackalloc byte[KeySize + 3];
        try
        {
            return TryDecodeRawKey(value, buffer, out _);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Builds the ring from validated options (see <see cref="EncryptionOptionsValidator"/>).</summary>
    public static MasterKeyRing FromOptions(EncryptionOptions options)
    {
        var validation = new EncryptionOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new InvalidOperationException(validation.FailureMessage);
        }

        var keys = new Dictionary<int, byte[]>(options.MasterKeys.Count);
        foreach (var (version, value) in options.MasterKeys)
        {
            keys.Add(version, DeriveMasterKey(version, value));
        }

        return new MasterKeyRing(options.ActiveKeyVersion, keys.ToFrozenDictionary());
    }

    /// <summary>The master key of <paramref name="version"/>; <see cref="UnknownMasterKeyVersionException"/> when it is not configured.</summary>
    public ReadOnlySpan<byte> GetKey(int version) =>
        _keys.TryGetValue(version, out var key) ? key : throw new UnknownMasterKeyVersionException(version);

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] DeriveMasterKey(int version, string value)
    {
        var key = GC.AllocateArray<byte>(KeySize, pinned: true);
        Span<byte> buffer = stackalloc byte[KeySize + 3];
        try
        {
            if (TryDecodeRawKey(value, buffer, out var written))
            {
                buffer[..written].CopyTo(key);
            }
            else
            {
                Rfc2898DeriveBytes.Pbkdf2(value, PassphraseSalt(version), key, PassphraseIterations, HashAlgorithmName.SHA256);
            }

            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    private static bool TryDecodeRawKey(string value, Span<byte> buffer, out int written) =>
        Convert.TryFromBase64String(value.Trim(), buffer, out written) && written == KeySize;
}
