using Ardalis.Specification;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Specifications;

/// <summary>A user's non-revoked keys (the ones that count toward the limit and hold their names).</summary>
public sealed class LiveApiKeysForUserSpec : Specification<ApiKey>
{
    public LiveApiKeysForUserSpec(Guid userId) => Query.Where(k => k.UserId == userId && k.Status != ApiKeyStatus.Revoked);
}
