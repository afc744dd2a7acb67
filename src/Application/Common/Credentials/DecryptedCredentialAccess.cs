using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.Common.Credentials;

/// <summary>
/// Lets a broker adapter work with one key's decrypted credentials without ever holding them: each call to
/// <see cref="Use{TState, TResult}"/> decrypts into buffers that are zeroed when the callback returns.
/// </summary>
public sealed class DecryptedCredentialAccess(ICredentialCipher cipher, CredentialContext context, CredentialCiphertexts ciphertexts)
{
    public TResult Use<TState, TResult>(TState state, CredentialUse<TState, TResult> use) =>
        cipher.UseDecrypted(context, ciphertexts, state, use);
}
