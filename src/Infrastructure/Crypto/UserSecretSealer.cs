using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>
/// Seals a small per-user secret (a TOTP seed) with the broker credentials' vault: AES-256-GCM under a per-record key
/// HKDF-SHA256-Expand(master key, label | key version | salt), in the same blob layout as a credential
/// (<see cref="CredentialBlobFormat"/>). The associated data binds the blob to its purpose (the label), master key version
/// and user, so a sealed seed copied to another user, or a credential blob pasted in its place, does not open.
/// </summary>
internal sealed class UserSecretSealer(MasterKeyRing keyRing)
{
    private const int RecordKeySize = 32;

    public byte[] Seal(string label, Guid userId, ReadOnlySpan<byte> secret)
    {
        var version = keyRing.ActiveVersion;
        Span<byte> salt = stackalloc byte[CredentialBlobFormat.SaltSize];
        Span<byte> nonce = stackalloc byte[CredentialBlobFormat.NonceSize];
        RandomNumberGenerator.Fill(salt);
        RandomNumberGenerator.Fill(nonce);

        var blob = new byte[CredentialBlobFormat.BlobLength(secret.Length)];
        CredentialBlobFormat.WriteHeader(blob, version, salt, nonce);
        Span<byte> recordKey = stackalloc byte[RecordKeySize];
        try
        {
            DeriveKey(label, version, salt, recordKey);
            using var aes = new AesGcm(recordKey, CredentialBlobFormat.TagSize);
            aes.Encrypt(
                nonce,
                secret,
                blob.AsSpan(CredentialBlobFormat.HeaderSize, secret.Length),
                blob.AsSpan(CredentialBlobFormat.HeaderSize + secret.Length, CredentialBlobFormat.TagSize),
                AssociatedData(label, version, userId));
            return blob;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(recordKey);
        }
    }

    /// <summary>The plain secret (the caller zeroes it); <see cref="Application.Common.Exceptions.CredentialIntegrityException"/> when it does not authenticate.</summary>
    public byte[] Open(string label, Guid userId, byte[] sealedSecret)
    {
        var blob = CredentialBlob.Parse(sealedSecret);
        var plaintext = new byte[blob.Ciphertext.Length];
        Span<byte> recordKey = stackalloc byte[RecordKeySize];
        try
        {
            DeriveKey(label, blob.KeyVersion, blob.Salt, recordKey);
            using var aes = new AesGcm(recordKey, CredentialBlobFormat.TagSize);
            aes.Decrypt(blob.Nonce, blob.Ciphertext, blob.Tag, plaintext, AssociatedData(label, blob.KeyVersion, userId));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException ex)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw new Application.Common.Exceptions.CredentialIntegrityException(
                "A sealed user secret failed authentication: it was altered or belongs to another user.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(recordKey);
        }
    }

    /// <summary>True when the blob is sealed under another master key version than the active one (or is no blob at all).</summary>
    public bool NeedsResealing(ReadOnlySpan<byte> sealedSecret) =>
        sealedSecret.Length <= CredentialBlobFormat.Overhead
        || BinaryPrimitives.ReadInt32LittleEndian(sealedSecret[CredentialBlobFormat.KeyVersionOffset..]) != keyRing.ActiveVersion;

    private void DeriveKey(string label, int version, ReadOnlySpan<byte> salt, Span<byte> destination)
    {
        var labelBytes = Encoding.UTF8.GetBytes(label);
        var info = new byte[labelBytes.Length + sizeof(int) + salt.Length];
        labelBytes.CopyTo(info, 0);
        BinaryPrimitives.WriteInt32LittleEndian(info.AsSpan(labelBytes.Length), version);
        salt.CopyTo(info.AsSpan(labelBytes.Length + sizeof(int)));
        HKDF.Expand(HashAlgorithmName.SHA256, keyRing.GetKey(version), destination, info);
    }

    private static byte[] AssociatedData(string label, int version, Guid userId)
    {
        var labelBytes = Encoding.UTF8.GetBytes(label);
        var data = new byte[labelBytes.Length + sizeof(int) + 16];
        labelBytes.CopyTo(data, 0);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(labelBytes.Length), version);
        userId.TryWriteBytes(data.AsSpan(labelBytes.Length + sizeof(int)));
        return data;
    }
}
