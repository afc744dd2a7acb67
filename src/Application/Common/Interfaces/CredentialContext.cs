using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.Common.Interfaces;

/// <summary>
/// Where a credential pair lives. It is bound into the ciphertexts as associated data, so a ciphertext copied to
/// another user, API key row or broker does not decrypt.
/// </summary>
public readonly record struct CredentialContext(Guid UserId, Guid ApiKeyId, Broker Broker)
{
    public static CredentialContext For(ApiKey apiKey) => new(apiKey.UserId, apiKey.Id, apiKey.Broker);
}
