using Ardalis.Specification;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Specifications;

/// <summary>A user's most recently revoked keys (optionally of one broker), the last revoked first.</summary>
public sealed class RecentlyRevokedApiKeysSpec : Specification<ApiKey>
{
    public RecentlyRevokedApiKeysSpec(Guid userId, Broker? broker, int count)
    {
        Query.Where(k => k.UserId == userId && k.Status == ApiKeyStatus.Revoked);
        if (broker is { } b)
        {
            Query.Where(k => k.Broker == b);
        }

        Query.OrderByDescending(k => k.RevokedAt).ThenByDescending(k => k.Id).Take(count);
    }
}
