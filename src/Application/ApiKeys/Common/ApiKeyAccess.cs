using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.Common.Auditing;
using RiskPlatform.Application.Common.Exceptions;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Common;

/// <summary>Loads the caller's own key, tracked; another user's key is reported as missing and audited as denied.</summary>
internal static class ApiKeyAccess
{
    public const string ResourceType = "api_key";

    public static async Task<ApiKey> LoadOwnedAsync(
        IReadRepository<ApiKey> apiKeys,
        Guid id,
        Guid userId,
        AuditScope audit,
        CancellationToken cancellationToken)
    {
        audit.Target(ResourceType, id);
        var key = await apiKeys.FirstOrDefaultAsync(new ApiKeyByIdSpec(id), cancellationToken)
            ?? throw new NotFoundException("API key", id);
        return key.UserId == userId ? key : throw new NotFoundException("API key", id, belongsToAnotherUser: true);
    }
}
