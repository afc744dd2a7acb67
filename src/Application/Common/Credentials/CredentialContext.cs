using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.Common.Credentials;

/// <summary>
/// Where a credential pair lives and where it may be sent. It is bound into the ciphertexts as associated data, so a
/// ciphertext copied to another user, API key row or broker does not decrypt, and neither does one whose row was made to
/// point at another host or mode: <see cref="BaseUrl"/> is the canonical URL the key calls
/// (<see cref="BrokerEndpoints.CanonicalBaseUrl"/>), <see cref="IsPaperTrading"/> its mode.
/// </summary>
public readonly record struct CredentialContext(Guid UserId, Guid ApiKeyId, Broker Broker, string BaseUrl, bool IsPaperTrading)
{
    /// <summary>The context of a key about to be created (its id chosen before sealing), from the base URL as given.</summary>
    public static CredentialContext For(Guid userId, Guid apiKeyId, Broker broker, string? baseUrl, bool isPaperTrading) =>
        new(userId, apiKeyId, broker, BrokerEndpoints.CanonicalBaseUrl(broker, baseUrl, isPaperTrading), isPaperTrading);

    /// <summary>The context of a stored key, from its row as it is now.</summary>
    public static CredentialContext For(ApiKey apiKey) =>
        For(apiKey.UserId, apiKey.Id, apiKey.Broker, apiKey.BaseUrl, apiKey.IsPaperTrading);
}
