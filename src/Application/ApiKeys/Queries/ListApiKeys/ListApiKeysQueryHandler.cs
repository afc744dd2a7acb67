using MediatR;
using RiskPlatform.Application.ApiKeys.Common;
using RiskPlatform.Application.ApiKeys.Specifications;
using RiskPlatform.Application.Common.Interfaces;
using RiskPlatform.Domain.ApiKeys;

namespace RiskPlatform.Application.ApiKeys.Queries.ListApiKeys;

internal sealed class ListApiKeysQueryHandler(IReadRepository<ApiKey> apiKeys, ICurrentUser currentUser, TimeProvider timeProvider)
    : IRequestHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    public async Task<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        Broker? broker = WireEnum.TryParse<Broker>(request.Broker, out var b) ? b : null;
        ApiKeyStatus? status = WireEnum.TryParse<ApiKeyStatus>(request.Status, out var s) ? s : null;
        var keys = await apiKeys.ListAsync(new ApiKeysForUserSpec(currentUser.RequireUserId(), broker, status, now), cancellationToken);
        return keys.Select(k => ApiKeyDto.From(k, now)).ToList();
    }
}
