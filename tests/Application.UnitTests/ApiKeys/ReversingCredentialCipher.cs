using System.Text;
using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.UnitTests.ApiKeys;

/// <summary>
/// A stand-in cipher for handler tests: "seals" by reversing the UTF-8 bytes behind a 0xC1 marker, counts how often
/// plaintext is handed out, and treats a blob without the marker as tampered.
/// </summary>
internal sealed class ReversingCredentialCipher : ICredentialCipher
{
    private const byte Marker = 0xC1;

    public int ActiveKeyVersion => 1;

    public int DecryptCount { get; private set; }

    public bool InsideCallback { get; private set; }

    public CredentialCiphertexts Encrypt(CredentialContext context, ReadOnlySpan<char> apiKey, ReadOnlySpan<char> apiSecret) =>
        new(Seal(apiKey), Seal(apiSecret), ActiveKeyVersion);

    public TResult UseDecrypted<TState, TResult>(CredentialContext context, CredentialCiphertexts ciphertexts, TState state, CredentialUse<TState, TResult> use)
    {
        var key = Open(ciphertexts.ApiKey);
        var secret = Open(ciphertexts.ApiSecret);
        DecryptCount++;
        InsideCallback = true;
        try
        {
            return use(key, secret, state);
        }
        finally
        {
            InsideCallback = false;
            Array.Clear(key);
            Array.Clear(secret);
        }
    }

    public bool CheckIntegrity(CredentialContext context, CredentialCiphertexts ciphertexts) =>
        ciphertexts.ApiKey is [Marker, ..] && ciphertexts.ApiSecret is [Marker, ..];

    public CredentialCiphertexts Reencrypt(CredentialContext context, CredentialCiphertexts ciphertexts) => ciphertexts;

    public CredentialCiphertexts Reencrypt(CredentialContext from, CredentialContext to, CredentialCiphertexts ciphertexts) => ciphertexts;

    public bool NeedsResealing(CredentialCiphertexts ciphertexts) => false;

    public int GetKeyVersion(ReadOnlySpan<byte> blob) => ActiveKeyVersion;

    private static byte[] Seal(ReadOnlySpan<char> value)
    {
        var bytes = Encoding.UTF8.GetBytes(value.ToArray());
        Array.Reverse(bytes);
        return [Marker, .. bytes];
    }

    private static byte[] Open(byte[] blob)
    {
        if (blob is not [Marker, ..])
        {
            throw new CredentialIntegrityException("The stored credential failed authentication.");
        }

        var bytes = blob[1..];
        Array.Reverse(bytes);
        return bytes;
    }
}
