using RiskPlatform.Application.Common.Specifications;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Specifications;

/// <summary>
/// The next batch of keys sealed under another master key version than <paramref name="activeVersion"/>, in id order.
/// <paramref name="skip"/> passes over rows an earlier batch could not re-encrypt (they stay first in this order).
/// </summary>
public sealed class ApiKeysToRewrapSpec : Specification<ApiKey>
{
    public ApiKeysToRewrapSpec(int activeVersion, int skip, int take) =>
        Query.Where(k => k.MasterKeyVersion != activeVersion && k.Status != ApiKeyStatus.Revoked && k.EncryptedApiKey != null)
            .OrderBy(k => k.Id)
            .Page(take, skip);
}
