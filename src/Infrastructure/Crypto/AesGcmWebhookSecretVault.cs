using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.Notifications.Webhooks;

namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>
/// <see cref="IWebhookSecretVault"/> with the credential vault's scheme: per secret a random salt and nonce, a record key
/// HKDF-SHA256-Expand(master key, <c>"RiskPlatform/webhook-secret/v1"</c> | key version | salt), AES-256-GCM over the UTF-8
/// secret with the associated data format version | key version | user id | endpoint id, laid out as
/// <see cref="CredentialBlobFormat"/> and stored as <c>sealed:v1:</c> + base64. Its own KDF label keeps these keys apart
/// from the broker credentials' even under the same master key.
/// </summary>
internal sealed class AesGcmWebhookSecretVault(MasterKeyRing keyRing) : IWebhookSecretVault
{
    public const string StoredPrefix = "sealed:v1:";

    private const int AssociatedDataSize = 1 + sizeof(int) + 16 + 16;

    private static ReadOnlySpan<byte> KdfLabel => "RiskPlatform/webhook-secret/v1"u8;

    public string Seal(Guid userId, Guid endpointId, string secret)
    {
        WebhookSecret.EnsureValid(secret);
        var version = keyRing.ActiveVersion;
        var plaintext = Encoding.UTF8.GetBytes(secret);
        Span<byte> random = stackalloc byte[CredentialBlobFormat.SaltSize + CredentialBlobFormat.NonceSize];
        Span<byte> recordKey = stackalloc byte[RecordKeyDerivation.KeySize];
        try
        {
            RandomNumberGenerator.Fill(random);
            var salt = random[..CredentialBlobFormat.SaltSize];
            var nonce = random[CredentialBlobFormat.SaltSize..];
            var blob = new byte[CredentialBlobFormat.BlobLength(plaintext.Length)];
            CredentialBlobFormat.WriteHeader(blob, version, salt, nonce);
            RecordKeyDerivation.Derive(KdfLabel, keyRing.GetKey(version), version, salt, recordKey);
            using var aes = new AesGcm(recordKey, CredentialBlobFormat.TagSize);
            aes.Encrypt(
                nonce,
                plaintext,
                blob.AsSpan(CredentialBlobFormat.HeaderSize, plaintext.Length),
                blob.AsSpan(CredentialBlobFormat.HeaderSize + plaintext.Length, CredentialBlobFormat.TagSize),
                AssociatedData(version, userId, endpointId));
            return StoredPrefix + Convert.ToBase64String(blob);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(recordKey);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public string Open(Guid userId, Guid endpointId, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(StoredPrefix, StringComparison.Ordinal))
        {
            // Stored before secrets were sealed: the text itself, until the rewrap seals it.
            return WebhookSecret.EnsureValid(stored);
        }

        var bytes = Blob(stored);
        var blob = CredentialBlob.Parse(bytes);
        var plaintext = new byte[blob.Ciphertext.Length];
        Span<byte> recordKey = stackalloc byte[RecordKeyDerivation.KeySize];
        try
        {
            RecordKeyDerivation.Derive(KdfLabel, keyRing.GetKey(blob.KeyVersion), blob.KeyVersion, blob.Salt, recordKey);
            using var aes = new AesGcm(recordKey, CredentialBlobFormat.TagSize);
            aes.Decrypt(blob.Nonce, blob.Ciphertext, blob.Tag, plaintext, AssociatedData(blob.KeyVersion, userId, endpointId));
            return Encoding.UTF8.GetString(plaintext);
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new CredentialIntegrityException(
                "The stored webhook secret failed authentication: it was altered or belongs to another endpoint.", exception);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(recordKey);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public bool NeedsResealing(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return !stored.StartsWith(StoredPrefix, StringComparison.Ordinal)
            || CredentialBlob.Parse(Blob(stored)).KeyVersion != keyRing.ActiveVersion;
    }

    private static byte[] Blob(string stored)
    {
        try
        {
            return Convert.FromBase64String(stored[StoredPrefix.Length..]);
        }
        catch (FormatException exception)
        {
            throw new CredentialIntegrityException("The stored webhook secret is not valid base64.", exception);
        }
    }

    private static byte[] AssociatedData(int version, Guid userId, Guid endpointId)
    {
        var data = new byte[AssociatedDataSize];
        data[0] = CredentialBlobFormat.Version1;
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(1), version);
        userId.TryWriteBytes(data.AsSpan(5, 16));
        endpointId.TryWriteBytes(data.AsSpan(21, 16));
        return data;
    }
}
