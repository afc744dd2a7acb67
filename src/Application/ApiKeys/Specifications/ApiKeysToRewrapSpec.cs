using Ardalis.Specification;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Specifications;

/// <summary>
/// The next <paramref name="take"/> keys holding ciphertexts after <paramref name="after"/>, in id order (a keyset page). The
/// rewrap reads them all: a blob's format version is inside the blob, so the rows to re-seal cannot be told apart in SQL.
/// </summary>
public sealed class ApiKeysToRewrapSpec : Specification<ApiKey>
{
    public ApiKeysToRewrapSpec(Guid? after, int take)
    {
        Query.Where(k => k.Status != ApiKeyStatus.Revoked && k.EncryptedApiKey != null);
        if (after is { } id)
        {
            Query.Where(k => k.Id.CompareTo(id) > 0);
        }

        Query.OrderBy(k => k.Id).Take(take);
    }
}
