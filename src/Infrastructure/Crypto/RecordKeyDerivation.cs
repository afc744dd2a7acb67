using System.Buffers.Binary;
using System.Security.Cryptography;

namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>
/// The per-record key of everything the vault seals: HKDF-Expand (RFC 5869 §2.3) with the master key as PRK, info =
/// label | key version (int32 LE) | salt, and L = 32, which is one block: T(1) = HMAC-SHA256(PRK, info | 0x01). The label
/// keeps the keys of different kinds of secret apart under the same master key.
/// </summary>
internal static class RecordKeyDerivation
{
    public const int KeySize = 32;

    public static void Derive(ReadOnlySpan<byte> label, ReadOnlySpan<byte> masterKey, int keyVersion, ReadOnlySpan<byte> salt, Span<byte> destination)
    {
        Span<byte> block = stackalloc byte[128];
        var info = block[..(label.Length + sizeof(int) + salt.Length)];
        label.CopyTo(info);
        BinaryPrimitives.WriteInt32LittleEndian(info[label.Length..], keyVersion);
        salt.CopyTo(info[(label.Length + sizeof(int))..]);
        block[info.Length] = 0x01;
        HMACSHA256.HashData(masterKey, block[..(info.Length + 1)], destination);
    }
}
