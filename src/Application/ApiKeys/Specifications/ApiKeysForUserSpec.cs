using Ardalis.Specification;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Specifications;

/// <summary>
/// The list endpoint: a user's keys, newest first, optionally of one broker and one effective status (a key past its
/// expiry counts as expired whatever its stored status).
/// </summary>
public sealed class ApiKeysForUserSpec : Specification<ApiKey>
{
    public ApiKeysForUserSpec(Guid userId, Broker? broker, ApiKeyStatus? status, DateTime now)
    {
        Query.Where(k => k.UserId == userId);
        if (broker is { } b)
        {
            Query.Where(k => k.Broker == b);
        }

        switch (status)
        {
            case ApiKeyStatus.Revoked:
                Query.Where(k => k.Status == ApiKeyStatus.Revoked);
                break;
            case ApiKeyStatus.Expired:
                Query.Where(k => k.Status == ApiKeyStatus.Expired || (k.Status != ApiKeyStatus.Revoked && k.ExpiresAt != null && k.ExpiresAt <= now));
                break;
            case { } live:
                Query.Where(k => k.Status == live && (k.ExpiresAt == null || k.ExpiresAt > now));
                break;
        }

        Query.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id);
    }
}
