using MediatR;
using Microsoft.Extensions.Options;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;
using RiskPlatform.Domain.Common;

namespace RiskPlatform.Application.ApiKeys.Queries.ListApiKeys;

internal sealed class ListApiKeysQueryHandler(
    IReadRepository<ApiKey> apiKeys,
    ICurrentUser currentUser,
    IOptions<VaultOptions> options,
    TimeProvider timeProvider) : IRequestHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    public async Task<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        Broker? broker = WireEnum.TryParse<Broker>(request.Broker, out var b) ? b : null;
        ApiKeyStatus? status = WireEnum.TryParse<ApiKeyStatus>(request.Status, out var s) ? s : null;
        var keys = request.Limit is { } limit
            ? await apiKeys.ListAsync(ApiKeysForUserSpec.Page(userId, broker, status, now, limit, request.Offset ?? 0), cancellationToken)
            : await UnpagedAsync(userId, broker, status, now, cancellationToken);
        return keys.Select(k => ApiKeyDto.From(k, now)).ToList();
    }

    /// <summary>
    /// The keys that are not revoked (at most <see cref="VaultOptions.MaxKeysPerUser"/>) and the most recently revoked ones,
    /// in the list's order: two bounded reads instead of every key the user ever revoked.
    /// </summary>
    private async Task<IReadOnlyList<ApiKey>> UnpagedAsync(Guid userId, Broker? broker, ApiKeyStatus? status, DateTime now, CancellationToken cancellationToken)
    {
        var unrevoked = status == ApiKeyStatus.Revoked
            ? []
            : await apiKeys.ListAsync(ApiKeysForUserSpec.Unrevoked(userId, broker, status, now), cancellationToken);
        var revokedListed = options.Value.RevokedKeysListed;
        var revoked = (status is null or ApiKeyStatus.Revoked) && revokedListed > 0
            ? await apiKeys.ListAsync(new RecentlyRevokedApiKeysSpec(userId, broker, revokedListed), cancellationToken)
            : [];
        return revoked.Count == 0
            ? unrevoked
            : [.. unrevoked.Concat(revoked).OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)];
    }
}
