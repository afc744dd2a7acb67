using Ardalis.Specification;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Specifications;

/// <summary>Keys that expire within the warning period (or already have) and still owe a notice or the expired status.</summary>
public sealed class ApiKeysDueForExpirySweepSpec : Specification<ApiKey>
{
    public ApiKeysDueForExpirySweepSpec(DateTime now, int take)
    {
        var horizon = now + ApiKey.ExpiryWarningPeriod;
        Query.Where(k => k.Status != ApiKeyStatus.Revoked
                && k.ExpiresAt != null
                && ((k.ExpiresAt <= now && (k.ExpiryNoticeSent != ExpiryNotice.Expired || k.Status != ApiKeyStatus.Expired))
                    || (k.ExpiresAt <= horizon && k.ExpiryNoticeSent == ExpiryNotice.None)))
            .OrderBy(k => k.ExpiresAt)
            .ThenBy(k => k.Id)
            .Take(take);
    }
}
