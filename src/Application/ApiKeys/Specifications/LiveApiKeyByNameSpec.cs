using Ardalis.Specification;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Specifications;

/// <summary>A user's non-revoked key with this name, other than <paramref name="exceptId"/>.</summary>
public sealed class LiveApiKeyByNameSpec : Specification<ApiKey>
{
    public LiveApiKeyByNameSpec(Guid userId, string name, Guid? exceptId = null)
    {
        var trimmed = name.Trim();
        Query.Where(k => k.UserId == userId && k.Name == trimmed && k.Status != ApiKeyStatus.Revoked);
        if (exceptId is { } id)
        {
            Query.Where(k => k.Id != id);
        }
    }
}
