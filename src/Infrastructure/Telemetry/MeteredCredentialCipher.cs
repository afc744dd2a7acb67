using RiskPlatform.Application.Common.Credentials;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Infrastructure.Telemetry;

/// <summary>
/// Counts the credential vault's operations (<c>riskplatform.vault.operations</c>: seal, open, integrity_check, reseal) by
/// outcome around the real cipher. Only the kind and the outcome are recorded, never a context, a ciphertext or a plaintext.
/// </summary>
internal sealed class MeteredCredentialCipher(ICredentialCipher inner, IRiskMetrics metrics) : ICredentialCipher
{
    public int ActiveKeyVersion => inner.ActiveKeyVersion;

    public CredentialCiphertexts Encrypt(CredentialContext context, ReadOnlySpan<char> apiKey, ReadOnlySpan<char> apiSecret)
    {
        // Spans cannot enter a lambda: the seal is counted here rather than through Count.
        CredentialCiphertexts sealedCredentials;
        try
        {
            sealedCredentials = inner.Encrypt(context, apiKey, apiSecret);
        }
        catch
        {
            metrics.VaultOperation("seal", "failed");
            throw;
        }

        metrics.VaultOperation("seal", "ok");
        return sealedCredentials;
    }

    public TResult UseDecrypted<TState, TResult>(
        CredentialContext context, CredentialCiphertexts ciphertexts, TState state, CredentialUse<TState, TResult> use) =>
        Count("open", () => inner.UseDecrypted(context, ciphertexts, state, use));

    public bool CheckIntegrity(CredentialContext context, CredentialCiphertexts ciphertexts) =>
        Count("integrity_check", () => inner.CheckIntegrity(context, ciphertexts), countAsFailed: intact => !intact);

    public CredentialCiphertexts Reencrypt(CredentialContext context, CredentialCiphertexts ciphertexts) =>
        Count("reseal", () => inner.Reencrypt(context, ciphertexts));

    public CredentialCiphertexts Reencrypt(CredentialContext from, CredentialContext to, CredentialCiphertexts ciphertexts) =>
        Count("reseal", () => inner.Reencrypt(from, to, ciphertexts));

    public bool NeedsResealing(CredentialCiphertexts ciphertexts) => inner.NeedsResealing(ciphertexts);

    public int GetKeyVersion(ReadOnlySpan<byte> blob) => inner.GetKeyVersion(blob);

    private T Count<T>(string kind, Func<T> operation, Func<T, bool>? countAsFailed = null)
    {
        T result;
        try
        {
            result = operation();
        }
        catch
        {
            metrics.VaultOperation(kind, "failed");
            throw;
        }

        metrics.VaultOperation(kind, countAsFailed?.Invoke(result) == true ? "failed" : "ok");
        return result;
    }
}
