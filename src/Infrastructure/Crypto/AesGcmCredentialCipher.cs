using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>
/// AES-256-GCM credential sealing. Per record (credential pair): one 40-byte random fill (KDF salt + two nonces), one
/// per-record key = HKDF-SHA256-Expand(PRK = master key, info = label | key version | salt, 32 bytes), which is a single
/// HMAC-SHA256 block, and one <see cref="AesGcm"/> instance used for both fields. Each field's associated data binds
/// it to its user, API key row, broker, field and master key version, and (format 2) to the key's canonical base URL and
/// paper flag (<see cref="CredentialBlobFormat"/>). Format 1 pairs still open; new pairs are sealed as format 2. Plaintext exists only in stack or pooled buffers
/// that are zeroed before they are released.
/// </summary>
internal sealed class AesGcmCredentialCipher(MasterKeyRing keyRing) : ICredentialCipher
{
    private const int StackBufferSize = 1024;

    private const int RecordKeySize = 32;

    /// <summary>Internal test hook, called after the plaintext buffers were zeroed.</summary>
    internal PlaintextClearedHook? OnPlaintextCleared { get; set; }

    public int ActiveKeyVersion => keyRing.ActiveVersion;

    private static ReadOnlySpan<byte> KdfLabel => "RiskPlatform/api-key-credential/v1"u8;

    public CredentialCiphertexts Encrypt(CredentialContext context, ReadOnlySpan<char> apiKey, ReadOnlySpan<char> apiSecret) =>
        Encrypt(context, apiKey, apiSecret, CredentialBlobFormat.CurrentVersion);

    /// <summary>Seals in an older <paramref name="format"/>, as an earlier release did: for tests of reading and rewrapping old rows.</summary>
    internal CredentialCiphertexts Encrypt(CredentialContext context, ReadOnlySpan<char> apiKey, ReadOnlySpan<char> apiSecret, byte format)
    {
        if (!CredentialBlobFormat.IsKnownVersion(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown credential format version.");
        }

        if (apiKey.IsEmpty || apiSecret.IsEmpty)
        {
            throw new ArgumentException("Both credentials are required.", apiKey.IsEmpty ? nameof(apiKey) : nameof(apiSecret));
        }

        var keyLength = Encoding.UTF8.GetByteCount(apiKey);
        var total = keyLength + Encoding.UTF8.GetByteCount(apiSecret);
        byte[]? rented = null;
        var buffer = total <= StackBufferSize
            ? stackalloc byte[StackBufferSize]
            : rented = ArrayPool<byte>.Shared.Rent(total);
        buffer = buffer[..total];
        try
        {
            Encoding.UTF8.GetBytes(apiKey, buffer[..keyLength]);
            Encoding.UTF8.GetBytes(apiSecret, buffer[keyLength..]);
            return Seal(context, buffer[..keyLength], buffer[keyLength..], format);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public TResult UseDecrypted<TState, TResult>(
        CredentialContext context,
        CredentialCiphertexts ciphertexts,
        TState state,
        CredentialUse<TState, TResult> use)
    {
        var keyBlob = CredentialBlob.Parse(ciphertexts.ApiKey);
        var secretBlob = CredentialBlob.Parse(ciphertexts.ApiSecret);
        if (keyBlob.KeyVersion != secretBlob.KeyVersion || keyBlob.KeyVersion != ciphertexts.MasterKeyVersion
            || keyBlob.FormatVersion != secretBlob.FormatVersion)
        {
            throw new CredentialIntegrityException(
                "The stored credentials disagree on their master key version; they were not sealed together.");
        }

        if (!keyBlob.Salt.SequenceEqual(secretBlob.Salt))
        {
            throw new CredentialIntegrityException("The stored key and secret were not sealed together.");
        }

        var version = keyBlob.KeyVersion;
        var masterKey = keyRing.GetKey(version);
        var keyLength = keyBlob.Ciphertext.Length;
        var total = keyLength + secretBlob.Ciphertext.Length;
        byte[]? rented = null;
        var buffer = total <= StackBufferSize
            ? stackalloc byte[StackBufferSize]
            : rented = ArrayPool<byte>.Shared.Rent(total);
        buffer = buffer[..total];
        Span<byte> recordKey = stackalloc byte[RecordKeySize];
        try
        {
            DeriveRecordKey(masterKey, version, keyBlob.Salt, recordKey);
            using (var aes = new AesGcm(recordKey, CredentialBlobFormat.TagSize))
            {
                Open(aes, context, version, CredentialField.ApiKey, keyBlob, buffer[..keyLength]);
                Open(aes, context, version, CredentialField.ApiSecret, secretBlob, buffer[keyLength..]);
            }

            return use(buffer[..keyLength], buffer[keyLength..], state);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(recordKey);
            CryptographicOperations.ZeroMemory(buffer);
            OnPlaintextCleared?.Invoke(buffer[..keyLength], buffer[keyLength..]);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public bool CheckIntegrity(CredentialContext context, CredentialCiphertexts ciphertexts)
    {
        try
        {
            return UseDecrypted(context, ciphertexts, 0, static (_, _, _) => true);
        }
        catch (CredentialIntegrityException)
        {
            return false;
        }
    }

    public CredentialCiphertexts Reencrypt(CredentialContext context, CredentialCiphertexts ciphertexts) =>
        Reencrypt(context, context, ciphertexts);

    public CredentialCiphertexts Reencrypt(CredentialContext from, CredentialContext to, CredentialCiphertexts ciphertexts) =>
        UseDecrypted(
            from,
            ciphertexts,
            (Cipher: this, Context: to),
            static (apiKey, apiSecret, state) => state.Cipher.Seal(state.Context, apiKey, apiSecret, CredentialBlobFormat.CurrentVersion));

    public bool NeedsResealing(CredentialCiphertexts ciphertexts) =>
        ciphertexts.MasterKeyVersion != keyRing.ActiveVersion
        || ciphertexts.ApiKey is not [CredentialBlobFormat.CurrentVersion, ..]
        || ciphertexts.ApiSecret is not [CredentialBlobFormat.CurrentVersion, ..];

    public int GetKeyVersion(ReadOnlySpan<byte> blob) => CredentialBlob.Parse(blob).KeyVersion;

    /// <summary>The per-record key of a credential pair (<see cref="RecordKeyDerivation"/> with this cipher's label).</summary>
    internal static void DeriveRecordKey(ReadOnlySpan<byte> masterKey, int keyVersion, ReadOnlySpan<byte> salt, Span<byte> destination) =>
        RecordKeyDerivation.Derive(KdfLabel, masterKey, keyVersion, salt, destination);

    /// <summary>The info string of <see cref="DeriveRecordKey"/>, for tests that check it against <see cref="HKDF.Expand(HashAlgorithmName, ReadOnlySpan{byte}, Span{byte}, ReadOnlySpan{byte})"/>.</summary>
    internal static byte[] KdfInfo(int keyVersion, ReadOnlySpan<byte> salt)
    {
        var info = new byte[KdfLabel.Length + sizeof(int) + salt.Length];
        KdfLabel.CopyTo(info);
        BinaryPrimitives.WriteInt32LittleEndian(info.AsSpan(KdfLabel.Length), keyVersion);
        salt.CopyTo(info.AsSpan(KdfLabel.Length + sizeof(int)));
        return info;
    }

    private CredentialCiphertexts Seal(CredentialContext context, ReadOnlySpan<byte> apiKey, ReadOnlySpan<byte> apiSecret, byte format)
    {
        var version = keyRing.ActiveVersion;
        var masterKey = keyRing.GetKey(version);
        Span<byte> random = stackalloc byte[CredentialBlobFormat.SaltSize + (2 * CredentialBlobFormat.NonceSize)];
        RandomNumberGenerator.Fill(random);
        var salt = random[..CredentialBlobFormat.SaltSize];
        var keyNonce = random.Slice(CredentialBlobFormat.SaltSize, CredentialBlobFormat.NonceSize);
        var secretNonce = random[(CredentialBlobFormat.SaltSize + CredentialBlobFormat.NonceSize)..];

        Span<byte> recordKey = stackalloc byte[RecordKeySize];
        try
        {
            DeriveRecordKey(masterKey, version, salt, recordKey);
            using var aes = new AesGcm(recordKey, CredentialBlobFormat.TagSize);
            var keyBlob = SealField(aes, context, format, version, CredentialField.ApiKey, salt, keyNonce, apiKey);
            var secretBlob = SealField(aes, context, format, version, CredentialField.ApiSecret, salt, secretNonce, apiSecret);
            return new CredentialCiphertexts(keyBlob, secretBlob, version);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(recordKey);
        }
    }

    private static byte[] SealField(
        AesGcm aes,
        in CredentialContext context,
        byte format,
        int version,
        CredentialField field,
        ReadOnlySpan<byte> salt,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> plaintext)
    {
        var blob = new byte[CredentialBlobFormat.BlobLength(plaintext.Length)];
        CredentialBlobFormat.WriteHeader(blob, format, version, salt, nonce);
        Span<byte> associatedData = stackalloc byte[CredentialBlobFormat.MaxAssociatedDataSize];
        associatedData = associatedData[..CredentialBlobFormat.WriteAssociatedData(associatedData, format, version, context, field)];
        aes.Encrypt(
            nonce,
            plaintext,
            blob.AsSpan(CredentialBlobFormat.HeaderSize, plaintext.Length),
            blob.AsSpan(CredentialBlobFormat.HeaderSize + plaintext.Length, CredentialBlobFormat.TagSize),
            associatedData);
        return blob;
    }

    private static void Open(
        AesGcm aes,
        in CredentialContext context,
        int version,
        CredentialField field,
        in CredentialBlob blob,
        Span<byte> plaintext)
    {
        Span<byte> associatedData = stackalloc byte[CredentialBlobFormat.MaxAssociatedDataSize];
        associatedData = associatedData[..CredentialBlobFormat.WriteAssociatedData(associatedData, blob.FormatVersion, version, context, field)];
        try
        {
            aes.Decrypt(blob.Nonce, blob.Ciphertext, blob.Tag, plaintext, associatedData);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CredentialIntegrityException(
                $"The stored {(field == CredentialField.ApiKey ? "API key" : "API secret")} failed authentication: it was altered or belongs to another record.",
                ex);
        }
    }
}
