using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using RiskPlatform.Application.Common.Credentials;

namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>
/// Layout of a sealed credential (format versions 1 and 2 share it):
/// <code>
/// offset  size  field
///      0     1  format version
///      1     4  master key version (int32, little endian)
///      5    16  KDF salt (shared by the two blobs of one record)
///     21    12  AES-GCM nonce (random, one per blob)
///     33     n  ciphertext (n = UTF-8 length of the credential)
///   33+n    16  AES-GCM tag
/// </code>
/// Associated data (never stored), format 1: format version | master key version | user id | api key id | broker | field.
/// Format 2 (<see cref="CurrentVersion"/>) adds | paper flag (1 byte) | SHA-256 of the canonical base URL
/// (<see cref="CredentialContext.BaseUrl"/>), so a row moved to another host or mode no longer opens. Format 1 rows still
/// open under format 1 associated data until <c>keys rewrap</c> seals them as format 2.
/// The other secrets the vault seals (TOTP seeds, webhook secrets) use the format 1 header with associated data of their own.
/// </summary>
internal static class CredentialBlobFormat
{
    public const byte Version1 = 1;

    public const byte Version2 = 2;

    /// <summary>The format new credential pairs are sealed in.</summary>
    public const byte CurrentVersion = Version2;

    public const int SaltSize = 16;

    public const int NonceSize = 12;

    public const int TagSize = 16;

    public const int KeyVersionOffset = 1;

    public const int SaltOffset = KeyVersionOffset + sizeof(int);

    public const int NonceOffset = SaltOffset + SaltSize;

    public const int HeaderSize = NonceOffset + NonceSize;

    public const int Overhead = HeaderSize + TagSize;

    public const int AssociatedDataSize = 1 + sizeof(int) + 16 + 16 + sizeof(int) + 1;

    /// <summary>The largest associated data of any format (format 2: + paper flag + SHA-256 of the base URL).</summary>
    public const int MaxAssociatedDataSize = AssociatedDataSize + 1 + SHA256.HashSizeInBytes;

    public static int BlobLength(int plaintextLength) => Overhead + plaintextLength;

    public static bool IsKnownVersion(byte formatVersion) => formatVersion is Version1 or Version2;

    public static void WriteHeader(Span<byte> blob, int keyVersion, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> nonce) =>
        WriteHeader(blob, Version1, keyVersion, salt, nonce);

    public static void WriteHeader(Span<byte> blob, byte formatVersion, int keyVersion, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> nonce)
    {
        blob[0] = formatVersion;
        BinaryPrimitives.WriteInt32LittleEndian(blob[KeyVersionOffset..], keyVersion);
        salt.CopyTo(blob.Slice(SaltOffset, SaltSize));
        nonce.CopyTo(blob.Slice(NonceOffset, NonceSize));
    }

    /// <summary>Writes the associated data of <paramref name="formatVersion"/> into <paramref name="destination"/> and returns its length.</summary>
    public static int WriteAssociatedData(Span<byte> destination, byte formatVersion, int keyVersion, in CredentialContext context, CredentialField field)
    {
        destination[0] = formatVersion;
        BinaryPrimitives.WriteInt32LittleEndian(destination[1..], keyVersion);
        context.UserId.TryWriteBytes(destination.Slice(5, 16));
        context.ApiKeyId.TryWriteBytes(destination.Slice(21, 16));
        BinaryPrimitives.WriteInt32LittleEndian(destination[37..], (int)context.Broker);
        destination[41] = (byte)field;
        if (formatVersion == Version1)
        {
            return AssociatedDataSize;
        }

        destination[AssociatedDataSize] = context.IsPaperTrading ? (byte)1 : (byte)0;
        SHA256.HashData(Encoding.UTF8.GetBytes(context.BaseUrl ?? string.Empty), destination.Slice(AssociatedDataSize + 1, SHA256.HashSizeInBytes));
        return MaxAssociatedDataSize;
    }
}
