using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Seals broker credentials at rest (AES-256-GCM under a per-record key derived from a versioned master key).
/// Decryption failures surface as <see cref="CredentialIntegrityException"/> (tampered, moved or corrupt ciphertext)
/// or <see cref="UnknownMasterKeyVersionException"/> (the blob names a master key version that is not configured).
/// </summary>
public interface ICredentialCipher
{
    /// <summary>The master key version new ciphertexts are sealed under.</summary>
    int ActiveKeyVersion { get; }

    /// <summary>Seals both credentials for <paramref name="context"/> under the active master key.</summary>
    CredentialCiphertexts Encrypt(CredentialContext context, ReadOnlySpan<char> apiKey, ReadOnlySpan<char> apiSecret);

    /// <summary>
    /// Decrypts both credentials into short-lived buffers, calls <paramref name="use"/> with UTF-8 views of them, and
    /// zeroes the buffers afterwards (also when <paramref name="use"/> throws). The callback is synchronous because
    /// spans cannot cross an await: build the signed request inside it, send it after.
    /// </summary>
    TResult UseDecrypted<TState, TResult>(
        CredentialContext context,
        CredentialCiphertexts ciphertexts,
        TState state,
        CredentialUse<TState, TResult> use);

    /// <summary>True when both ciphertexts authenticate for <paramref name="context"/>; false on integrity failure. An unknown key version still throws.</summary>
    bool CheckIntegrity(CredentialContext context, CredentialCiphertexts ciphertexts);

    /// <summary>Decrypts under the ciphertexts' version and format and seals again under the active version in the current format (for the rewrap command).</summary>
    CredentialCiphertexts Reencrypt(CredentialContext context, CredentialCiphertexts ciphertexts);

    /// <summary>
    /// Decrypts for <paramref name="from"/> and seals again for <paramref name="to"/> under the active version in the current
    /// format: for a key whose base URL or mode changes, which the ciphertexts are bound to.
    /// </summary>
    CredentialCiphertexts Reencrypt(CredentialContext from, CredentialContext to, CredentialCiphertexts ciphertexts);

    /// <summary>True when the ciphertexts are sealed under another master key version than the active one, or in an older format.</summary>
    bool NeedsResealing(CredentialCiphertexts ciphertexts);

    /// <summary>The master key version a blob was sealed under, read from its header.</summary>
    int GetKeyVersion(ReadOnlySpan<byte> blob);
}
