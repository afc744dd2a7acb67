using Ardalis.Specification;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Specifications;

/// <summary>
/// The list endpoint: a user's keys, newest first, optionally of one broker and one effective status (a key past its
/// expiry counts as expired whatever its stored status). <see cref="Unrevoked"/> leaves revoked keys out (the unpaged
/// list adds the recent ones from <see cref="RecentlyRevokedApiKeysSpec"/>); <see cref="Page"/> is one page of all of them.
/// </summary>
public sealed class ApiKeysForUserSpec : Specification<ApiKey>
{
    private ApiKeysForUserSpec(Guid userId, Broker? broker, ApiKeyStatus? status, DateTime now, bool withRevoked)
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
            case null when !withRevoked:
                Query.Where(k => k.Status != ApiKeyStatus.Revoked);
                break;
        }

        Query.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id);
    }

    /// <summary>The keys that are not revoked (bounded by the per-user key limit), optionally of one other status.</summary>
    public static ApiKeysForUserSpec Unrevoked(Guid userId, Broker? broker, ApiKeyStatus? status, DateTime now) =>
        status == ApiKeyStatus.Revoked
            ? throw new ArgumentOutOfRangeException(nameof(status), status, "Revoked keys are not among the unrevoked ones.")
            : new ApiKeysForUserSpec(userId, broker, status, now, withRevoked: false);

    /// <summary>One page of every key the filters match, revoked ones included.</summary>
    public static ApiKeysForUserSpec Page(Guid userId, Broker? broker, ApiKeyStatus? status, DateTime now, int limit, int offset)
    {
        var spec = new ApiKeysForUserSpec(userId, broker, status, now, withRevoked: true);
        spec.Query.Skip(offset).Take(limit);
        return spec;
    }
}
