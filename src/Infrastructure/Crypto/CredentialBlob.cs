using System.Buffers.Binary;
using RiskPlatform.Application.Common.Exceptions;

namespace RiskPlatform.Infrastructure.Crypto;

/// <summary>A parsed view over a sealed credential (see <see cref="CredentialBlobFormat"/>); no copies.</summary>
internal readonly ref struct CredentialBlob
{
    private CredentialBlob(ReadOnlySpan<byte> blob)
    {
        FormatVersion = blob[0];
        KeyVersion = BinaryPrimitives.ReadInt32LittleEndian(blob[CredentialBlobFormat.KeyVersionOffset..]);
        Salt = blob.Slice(CredentialBlobFormat.SaltOffset, CredentialBlobFormat.SaltSize);
        Nonce = blob.Slice(CredentialBlobFormat.NonceOffset, CredentialBlobFormat.NonceSize);
        Ciphertext = blob[CredentialBlobFormat.HeaderSize..^CredentialBlobFormat.TagSize];
        Tag = blob[^CredentialBlobFormat.TagSize..];
    }

    public byte FormatVersion { get; }

    public int KeyVersion { get; }

    public ReadOnlySpan<byte> Salt { get; }

    public ReadOnlySpan<byte> Nonce { get; }

    public ReadOnlySpan<byte> Ciphertext { get; }

    public ReadOnlySpan<byte> Tag { get; }

    /// <summary>Parses the header; a truncated blob or an unknown format version is a <see cref="CredentialIntegrityException"/>.</summary>
    public static CredentialBlob Parse(ReadOnlySpan<byte> blob)
    {
        if (blob.Length <= CredentialBlobFormat.Overhead)
        {
            throw new CredentialIntegrityException("The stored credential is truncated or empty.");
        }

        if (!CredentialBlobFormat.IsKnownVersion(blob[0]))
        {
            throw new CredentialIntegrityException($"The stored credential has unknown format version {blob[0]}.");
        }

        var parsed = new CredentialBlob(blob);
        return parsed.KeyVersion > 0
            ? parsed
            : throw new CredentialIntegrityException("The stored credential names an invalid master key version.");
    }
}
