using System.Buffers.Binary;
using RiskPlatform.Application.Common.Interfaces;

namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>
/// Layout of a sealed credential, format version 1:
/// <code>
/// offset  size  field
///      0     1  format version (1)
///      1     4  master key version (int32, little endian)
///      5    16  KDF salt (shared by the two blobs of one record)
///     21    12  AES-GCM nonce (random, one per blob)
///     33     n  ciphertext (n = UTF-8 length of the credential)
///   33+n    16  AES-GCM tag
/// </code>
/// Associated data (never stored): format version | master key version | user id | api key id | broker | field.
/// </summary>
internal static class CredentialBlobFormat
{
    public const byte Version1 = 1;

    public const int SaltSize = 16;

    public const int NonceSize = 12;

    public const int TagSize = 16;

    public const int KeyVersionOffset = 1;

    public const int SaltOffset = KeyVersionOffset + sizeof(int);

    public const int NonceOffset = SaltOffset + SaltSize;

    public const int HeaderSize = NonceOffset + NonceSize;

    public const int Overhead = HeaderSize + TagSize;

    public const int AssociatedDataSize = 1 + sizeof(int) + 16 + 16 + sizeof(int) + 1;

    public static int BlobLength(int plaintextLength) => Overhead + plaintextLength;

    public static void WriteHeader(Span<byte> blob, int keyVersion, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> nonce)
    {
        blob[0] = Version1;
        BinaryPrimitives.WriteInt32LittleEndian(blob[KeyVersionOffset..], keyVersion);
        salt.CopyTo(blob.Slice(SaltOffset, SaltSize));
        nonce.CopyTo(blob.Slice(NonceOffset, NonceSize));
    }

    public static void WriteAssociatedData(Span<byte> destination, int keyVersion, in CredentialContext context, CredentialField field)
    {
        destination[0] = Version1;
        BinaryPrimitives.WriteInt32LittleEndian(destination[1..], keyVersion);
        context.UserId.TryWriteBytes(destination.Slice(5, 16));
        context.ApiKeyId.TryWriteBytes(destination.Slice(21, 16));
        BinaryPrimitives.WriteInt32LittleEndian(destination[37..], (int)context.Broker);
        destination[41] = (byte)field;
    }
}
